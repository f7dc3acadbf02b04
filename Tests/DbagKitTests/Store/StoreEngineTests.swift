import Foundation
import Testing
@testable import DbagKit

/// The engines the store may use; every test here runs against each, so no engine can quietly do less.
enum StoreEngine: String, CaseIterable, Sendable {
    case sqlite, postgres

    /// A fresh, empty store of this engine, and a folder to drop with it.
    func open() async throws -> (any Store, ScratchProject) {
        let folder = try ScratchProject()
        switch self {
        case .sqlite:
            return (try MetricStore(path: folder.directory.appendingPathComponent("store.sqlite").path), folder)
        case .postgres:
            let server = try await PostgresServer.shared()
            return (try #require(try PostgreSQLStore.open(server.socketConninfo(try server.database()))), folder)
        }
    }
}

@Suite struct StoreEngineTests {
    let day = Day(ordinal: 20_000)

    @Test(arguments: StoreEngine.allCases) func savedValuesReadBack(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        let stamp = Date(timeIntervalSince1970: 1_700_000_000)
        try store.save([StoredValue(metric: "a", day: day, value: 1.5), StoredValue(metric: "a", day: day.advanced(by: 1), value: -0.25),
                        StoredValue(metric: "b", key: "acme", day: day, value: 1e-7)],
                       labels: [(metric: "b", key: "acme", label: "Acme, Inc.")], replacing: true, at: stamp)
        #expect(try store.series("a") == [DayValue(day: day, value: 1.5), DayValue(day: day.advanced(by: 1), value: -0.25)])
        #expect(try store.allSeries()["b"]?["acme"] == [DayValue(day: day, value: 1e-7)])
        #expect(try store.labels()["b"]?["acme"] == "Acme, Inc.")
        #expect(try store.lastSaved()["a"] == stamp)
        #expect(try store.latestValues()["a"]?.map(\.value) == [-0.25])
        try store.save([StoredValue(metric: "a", day: day, value: 9)], replacing: false)
        #expect(try store.series("a").first?.value == 1.5)
        try store.save([StoredValue(metric: "a", day: day, value: 9), StoredValue(metric: "a", day: day, value: 10)], replacing: true)
        #expect(try store.series("a").first?.value == 10)
    }

    @Test(arguments: StoreEngine.allCases) func aCollectionReplacesItsDayAndIsLogged(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        let start = Date(timeIntervalSince1970: 1_700_000_000), end = start + 2
        try store.saveCollection(day: day, outcomes: [
            MetricOutcome(slug: "per", values: [CollectedValue(key: "x", label: "X", value: 1), CollectedValue(key: "y", value: 2)], started: start, finished: end),
            MetricOutcome(slug: "one", values: [CollectedValue(value: 5)], started: start, finished: end),
        ], at: end)
        try store.saveCollection(day: day, outcomes: [
            MetricOutcome(slug: "per", values: [CollectedValue(key: "x", value: 3)], started: start, finished: end),
            MetricOutcome(slug: "one", failure: Diagnostic("boom"), started: start, finished: end),
        ], at: end)
        #expect(try store.allSeries()["per"] == ["x": [DayValue(day: day, value: 3)]])
        #expect(try store.series("one") == [DayValue(day: day, value: 5)])
        #expect(try store.latestRuns()["one"]?.error == "boom")
        #expect(try store.latestRuns()["per"]?.error == nil)
        #expect(try store.latestRuns()["per"]?.finished == end)
        #expect(try store.labels()["per"]?["x"] == "X")
    }

    @Test(arguments: StoreEngine.allCases) func anImportIsAllOrNothing(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        let good = try store.importCSV(Data("metric,key,day,value\nm,,2026-01-01,1\nm,\"a,\tb\",2026-01-02,2.5\nm,,2026-01-01,3\n".utf8), file: "good.csv")
        #expect(good.rows == 3)
        #expect(good.metrics == ["m"])
        #expect(try store.series("m") == [DayValue(day: try #require(Day("2026-01-01")), value: 3)])
        #expect(try store.series("m", key: "a,\tb").map(\.value) == [2.5])
        let error = try #require(throws: Diagnostic.self) {
            try store.importCSV(Data("metric,key,day,value\nm,,2026-01-05,1\nm,,2026-02-30,1\n".utf8), file: "bad.csv")
        }
        #expect(error.description.hasPrefix("bad.csv:3"))
        #expect(error.description.hasSuffix("error: '2026-02-30' is not a day (YYYY-MM-DD)"))
        #expect(try store.series("m").count == 1)
    }

    @Test(arguments: StoreEngine.allCases) func deleteEventsAndFailures(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        #expect(try !store.hasValues())
        try store.save([StoredValue(metric: "m", key: "a", day: day, value: 1), StoredValue(metric: "m", key: "b", day: day, value: 2),
                        StoredValue(metric: "m", key: "a", day: day.advanced(by: 1), value: 3)], labels: [(metric: "m", key: "a", label: "A")])
        #expect(try store.hasValues())
        #expect(try store.delete(metric: "m", key: "a", from: day.advanced(by: 1), to: nil) == 1)
        #expect(try store.labels()["m"]?["a"] == "A")
        #expect(try store.delete(metric: "m", key: "a", from: nil, to: nil) == 1)
        #expect(try store.labels()["m"]?["a"] == nil)
        #expect(try store.allSeries()["m"] == ["b": [DayValue(day: day, value: 2)]])
        try store.addEvent(ChartEvent(day: day, label: "deploy", metrics: ["m", "n"]), at: Date())
        #expect(try store.events() == [ChartEvent(day: day, label: "deploy", metrics: ["m", "n"])])
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try store.saveCollection(day: day, outcomes: [MetricOutcome(slug: "m", failure: Diagnostic("down"), started: start, finished: start)], at: start)
        try store.saveCollection(day: day, outcomes: [MetricOutcome(slug: "m", values: [CollectedValue(key: "b", value: 5)], started: start, finished: start)], at: start)
        #expect(try store.latestFailures()["m"]?.error == "down")
        #expect(try store.latestRuns()["m"]?.error == nil)
    }

    /// A store moves between engines through `export` and `import`, byte for byte, both ways.
    @Test func exportsAreIdenticalAcrossEngines() async throws {
        let (sqlite, a) = try await StoreEngine.sqlite.open()
        let (postgres, b) = try await StoreEngine.postgres.open()
        defer { _ = (a, b) }
        let csv = "metric,key,day,value\nb,,2026-01-01,0.1\na,\"q\"\"uote\",2026-01-01,-0\na,Zed,2026-01-02,12345678901234\na,zed,2026-01-02,1e-07\n"
        _ = try sqlite.importCSV(Data(csv.utf8), file: "in.csv")
        var fromSQLite = Data()
        try sqlite.exportCSV { fromSQLite.append($0) }
        _ = try postgres.importCSV(fromSQLite, file: "<stdin>")
        var fromPostgres = Data()
        try postgres.exportCSV { fromPostgres.append($0) }
        #expect(String(decoding: fromPostgres, as: UTF8.self) == String(decoding: fromSQLite, as: UTF8.self))
        #expect(String(decoding: fromSQLite, as: UTF8.self).hasPrefix("metric,key,day,value\na,Zed,"))
    }

    /// Processes that open a fresh PostgreSQL store at once all migrate it safely.
    @Test func racingMigrationsAreSafe() async throws {
        let server = try await PostgresServer.shared()
        let conninfo = server.socketConninfo(try server.database())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { _ = try PostgreSQLStore.open(conninfo) }
            }
            try await group.waitForAll()
        }
        let store = try #require(try PostgreSQLStore.open(conninfo, readOnly: true))
        #expect(try store.schemaVersion() == PostgreSQLSchema.migrations.count)
    }
}
