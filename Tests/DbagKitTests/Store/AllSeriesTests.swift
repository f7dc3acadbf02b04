import Foundation
import Testing
@testable import DbagKit

/// `allSeries` groups every stored value by metric and key, days ascending,
/// whatever order the values were saved in.
@Suite struct AllSeriesTests {
    let start = Day(ordinal: 20_000)

    @Test(arguments: StoreEngine.allCases) func groupsShuffledRowsByMetricAndKey(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        var values: [StoredValue] = []
        for metric in ["a", "b", "c"] {
            for key in ["", "acme", "zeta", "émile"] where metric != "a" || key.isEmpty {
                for offset in 0..<5 {
                    values.append(StoredValue(metric: metric, key: key, day: start.advanced(by: offset), value: Double(offset) + (key == "zeta" ? 0.5 : 0)))
                }
            }
        }
        var generator = SplitMix64(seed: 7)
        values.shuffle(using: &generator)
        try store.save(values)
        var expected: [String: [String: [DayValue]]] = [:]
        for value in values { expected[value.metric, default: [:]][value.key, default: []].append(DayValue(day: value.day, value: value.value)) }
        for (metric, keys) in expected {
            for key in keys.keys { expected[metric]?[key]?.sort { $0.day < $1.day } }
        }
        #expect(try store.allSeries() == expected)
    }

    @Test func canonicallyEqualKeysShareOneSeries() throws {
        let folder = try ScratchProject()
        let store = try MetricStore(path: folder.directory.appendingPathComponent("store.sqlite").path)
        // The same name in two byte spellings (NFC, NFD): one Swift key, both runs in it.
        try store.save([StoredValue(metric: "m", key: "caf\u{E9}", day: start, value: 1),
                        StoredValue(metric: "m", key: "cafe\u{301}", day: start.advanced(by: 1), value: 2),
                        StoredValue(metric: "m", key: "z", day: start, value: 3)])
        let series = try store.allSeries()
        #expect(series["m"]?.count == 2)
        #expect(series["m"]?["café"]?.map(\.value).sorted() == [1, 2])
        #expect(series["m"]?["z"] == [DayValue(day: start, value: 3)])
    }

    @Test func badDayNamesTheRow() throws {
        let folder = try ScratchProject()
        let path = folder.directory.appendingPathComponent("store.sqlite").path
        try MetricStore(path: path).save([StoredValue(metric: "m", key: "k", day: start, value: 1),
                                          StoredValue(metric: "m", key: "k", day: start.advanced(by: 1), value: 2)])
        try SQLiteDatabase(path: path).execute("UPDATE metric_values SET day = '2026-02-30' WHERE value = 2")
        do {
            _ = try MetricStore(path: path).allSeries()
            Issue.record("a day that does not exist was read")
        } catch {
            #expect("\(error)".contains("metric 'm', key 'k'"), "\(error)")
            #expect("\(error)".contains("day '2026-02-30' is not a day"), "\(error)")
        }
    }
}
