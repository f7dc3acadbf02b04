import Foundation
import Testing
@testable import DbagKit

/// The SQLite import writes rows in key order, not file order (`CSVImportRows`): the
/// store must still end as if every row were written in turn, the last of a key winning.
@Suite struct CSVImportOrderTests {
    /// Random rows (several metrics whose slugs sort differently as text and as numbers,
    /// plain, quoted and escaped keys, repeated keys) in random order.
    static func randomCSV(rows: Int, seed: UInt64) -> (csv: String, expected: [String: [String: [DayValue]]]) {
        var random = SeededRandom(state: seed)
        let metrics = ["m-1", "m-10", "m-2", "m-100", "a", "m"]
        let keys = ["", "k", "k,comma", "say \"hi\"", "k-10", "k-9", "é"]
        var csv = "metric,key,day,value\n"
        var latest: [String: [String: [Day: Double]]] = [:]
        for i in 0..<rows {
            let metric = random.pick(metrics)
            let key = random.pick(keys)
            let day = Day(ordinal: 20_000 + Int(random.next() % 40))
            let value = Double(i) / 4
            csv += "\(metric),\(StoreCSV.field(key)),\(day),\(StoreCSV.number(value))\n"
            latest[metric, default: [:]][key, default: [:]][day] = value
        }
        let expected = latest.mapValues { keys in
            keys.mapValues { days in days.sorted { $0.key < $1.key }.map { DayValue(day: $0.key, value: $0.value) } }
        }
        return (csv, expected)
    }

    @Test(arguments: StoreEngine.allCases, [1, 2, 3])
    func randomOrderEndsAsWrittenInTurn(engine: StoreEngine, seed: UInt64) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        let (csv, expected) = Self.randomCSV(rows: 1500, seed: seed)
        let summary = try store.importCSV(Data(csv.utf8), file: "random.csv")
        #expect(summary.rows == 1500)
        #expect(summary.metrics == expected.keys.sorted())
        #expect(try store.allSeries() == expected)
    }

    @Test func anImportIntoAFilledStoreReplacesOnlyItsKeys() throws {
        let store = try ScratchProject().store()
        let day = Day(ordinal: 20_000)
        try store.save([StoredValue(metric: "b", day: day, value: 1), StoredValue(metric: "b", day: day.advanced(by: 1), value: 2)])
        let csv = "metric,key,day,value\nc,,\(day),5\nb,,\(day.advanced(by: 1)),7\na,,\(day),3\nb,,\(day.advanced(by: 1)),8\n"
        _ = try store.importCSV(Data(csv.utf8), file: "x.csv")
        #expect(try store.series("b") == [DayValue(day: day, value: 1), DayValue(day: day.advanced(by: 1), value: 8)])
        #expect(try store.series("a") == [DayValue(day: day, value: 3)])
        #expect(try store.series("c") == [DayValue(day: day, value: 5)])
    }
}
