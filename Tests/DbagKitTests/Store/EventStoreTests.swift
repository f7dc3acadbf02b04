import Foundation
import Testing
@testable import DbagKit

@Suite struct EventStoreTests {
    @Test func eventsRoundTripInDayOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("s.sqlite").path
        let store = try MetricStore(path: path)
        let day = try #require(Day("2026-02-03"))
        try store.addEvent(ChartEvent(day: day, label: "Deploy 'v2'; DROP TABLE events", metrics: ["a", "b"]))
        try store.addEvent(ChartEvent(day: day.advanced(by: -1), label: "Launch"))
        let reader = try MetricStore(path: path, readOnly: true)
        #expect(try reader.events() == [ChartEvent(day: day.advanced(by: -1), label: "Launch"),
                                        ChartEvent(day: day, label: "Deploy 'v2'; DROP TABLE events", metrics: ["a", "b"])])
    }

    @Test func aStoreFromBeforeEventsIsReadAndMigrated() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("old.sqlite").path
        let old = try SQLiteDatabase(path: path)
        try old.migrate(Array(StoreSchema.migrations.prefix(1)))
        try old.execute("INSERT INTO metric_values VALUES ('m', '', '2026-01-01', 4, '2026-01-01T00:00:00Z')")
        let reader = try MetricStore(path: path, readOnly: true)
        #expect(reader.schemaVersion == 1)
        #expect(try reader.events().isEmpty)
        #expect(try reader.series("m").map(\.value) == [4])
        let writer = try MetricStore(path: path)
        #expect(writer.schemaVersion == StoreSchema.migrations.count)
        try writer.addEvent(ChartEvent(day: try #require(Day("2026-01-01")), label: "X"))
        #expect(try writer.events().count == 1)
    }

    @Test func aHandEditedEventDayIsAnErrorNamingTheRow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("s.sqlite").path
        let store = try MetricStore(path: path)
        try store.database.execute("INSERT INTO events (day, label, metrics, recorded_at) VALUES ('soon', 'Launch', '', '2026-01-01T00:00:00Z')")
        #expect {
            try store.events()
        } throws: { error in
            "\(error)".contains("events row (label 'Launch'): day 'soon' is not a day (YYYY-MM-DD)")
        }
    }
}
