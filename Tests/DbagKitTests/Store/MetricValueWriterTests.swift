import Foundation
import Testing
@testable import DbagKit

/// `MetricValueWriter` sends rows in batches of 64: every row must land, and a later row
/// must still win over an earlier one of the same key, however the batches fall. Each test
/// runs on both engines, whose one write path (SQLite's batches, PostgreSQL's COPY and
/// upsert) must agree.
@Suite struct MetricValueWriterTests {
    let first = Day(ordinal: 20_000)

    /// Rows for `count` days, where day `i` holds `value(i)`.
    func values(_ count: Int, metric: String = "m", _ value: (Int) -> Double) -> [StoredValue] {
        (0..<count).map { StoredValue(metric: metric, key: "k", day: first.advanced(by: $0), value: value($0)) }
    }

    @Test(arguments: StoreEngine.allCases, [1, 63, 64, 65, 129, 1000])
    func everyRowLandsWhateverTheBatches(engine: StoreEngine, count: Int) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        try store.save(values(count) { Double($0) })
        #expect(try store.series("m", key: "k") == (0..<count).map { DayValue(day: first.advanced(by: $0), value: Double($0)) })
    }

    @Test(arguments: StoreEngine.allCases) func laterRowsWinAcrossBatches(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        // The same 50 days three times over: 150 rows, spread over three batches.
        let rows = (0..<3).flatMap { round in values(50) { Double(round * 100 + $0) } }
        try store.save(rows)
        #expect(try store.series("m", key: "k").map(\.value) == (0..<50).map { Double(200 + $0) })
    }

    @Test(arguments: StoreEngine.allCases) func notReplacingKeepsTheFirstAcrossBatches(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        try store.save(values(10) { _ in 1 })
        let rows = (0..<3).flatMap { round in values(50) { _ in Double(round + 2) } }
        try store.save(rows, replacing: false)
        let stored = try store.series("m", key: "k").map(\.value)
        #expect(stored == Array(repeating: 1, count: 10) + Array(repeating: 2, count: 40))
    }

    @Test(arguments: StoreEngine.allCases) func importLastRowWinsAcrossBatchesWithQuotedFields(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        var csv = "metric,key,day,value\n"
        for round in 0..<3 {
            for i in 0..<70 {
                csv += "m,\"a \"\"b\"\", c\",\(first.advanced(by: i)),\(round * 1000 + i)\n"
            }
        }
        let summary = try store.importCSV(Data(csv.utf8), file: "x.csv")
        #expect(summary.rows == 210)
        #expect(try store.series("m", key: "a \"b\", c").map(\.value) == (0..<70).map { Double(2000 + $0) })
    }

    @Test(arguments: StoreEngine.allCases) func collectionReplacesEachMetricsDay(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        let day = first
        try store.save([StoredValue(metric: "a", key: "gone", day: day, value: 9)])
        let many = (0..<100).map { CollectedValue(key: "k\($0)", value: Double($0)) }
        try store.saveCollection(day: day, outcomes: [
            MetricOutcome(slug: "a", values: many, started: Date(), finished: Date()),
            MetricOutcome(slug: "b", values: [CollectedValue(key: "", value: 5)], started: Date(), finished: Date()),
        ])
        let series = try store.allSeries()
        #expect(series["a"]?.count == 100)
        #expect(series["a"]?["gone"] == nil)
        #expect(series["a"]?["k99"] == [DayValue(day: day, value: 99)])
        #expect(series["b"]?[""] == [DayValue(day: day, value: 5)])
    }

    @Test(arguments: StoreEngine.allCases) func aFailedBatchWritesNothing(engine: StoreEngine) async throws {
        let (store, folder) = try await engine.open()
        defer { _ = folder }
        var csv = "metric,key,day,value\n"
        for i in 0..<200 { csv += "m,,\(first.advanced(by: i)),\(i)\n" }
        csv += "m,,2026-02-30,1\n"
        #expect(throws: Diagnostic.self) { try store.importCSV(Data(csv.utf8), file: "x.csv") }
        #expect(try store.allSeries().isEmpty)
    }
}

/// The import's number reader agrees with Swift's own parser (which rounds correctly)
/// on every form a CSV value takes, and refuses what is not a finite number.
@Suite struct CSVNumberTests {
    func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { CSVImporter.number($0) }
    }

    @Test func agreesWithDoubleOnDecimals() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "+5", "1.", ".5", "-.25", "007", "123456789012345", "1234567890123456", "0.1", "0.30000000000000004",
                     "999999999999999.9", "1e-7", "-4e2", "1E+300", "0.000000000000001", "12345.678901234567"]
        for _ in 0..<5000 {
            let digits = Int.random(in: 1...18, using: &generator)
            var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            if Bool.random(using: &generator) { text.insert(".", at: text.index(text.startIndex, offsetBy: Int.random(in: 0...digits, using: &generator))) }
            if Bool.random(using: &generator) { text = "-" + text }
            texts.append(text)
        }
        for text in texts {
            let expected = Double(text)
            let parsed = parse(text)
            #expect(parsed?.bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test(arguments: ["", "-", "+", ".", "1.2.3", "nan", "inf", "1e400", "0x10", "1,5", " 1", "1 ", "--1"])
    func refusesWhatIsNotAFiniteNumber(_ text: String) {
        #expect(parse(text) == nil)
    }
}
