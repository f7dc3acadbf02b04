import Foundation
import Testing
@testable import DbagKit

/// `ValueScan` reads the table from both ends on two connections: whatever series
/// the two sides meet at, every value is read once, in order, and a bad row is the
/// first in key order.
@Suite struct ValueScanTests {
    let start = Day(ordinal: 20_000)

    /// A store with `keys` series of metric "m" (of different lengths) and one plain metric "a".
    func makeStore(keys: Int) throws -> (ScratchProject, String, [StoredValue]) {
        let folder = try ScratchProject()
        let path = folder.directory.appendingPathComponent("store.sqlite").path
        var values: [StoredValue] = []
        for k in 0..<keys {
            for d in 0..<(1 + k % 7) {
                values.append(StoredValue(metric: "m", key: "k\(k)", day: start.advanced(by: d * 3), value: Double(k * 100 + d)))
            }
        }
        for d in 0..<4 { values.append(StoredValue(metric: "a", day: start.advanced(by: d), value: Double(d))) }
        var generator = SplitMix64(seed: 11)
        values.shuffle(using: &generator)
        let store = try MetricStore(path: path)
        // Two saves at different times: "a" was last saved later than "m".
        try store.save(values.filter { $0.metric == "m" }, at: Date(timeIntervalSince1970: 1_800_000_000))
        try store.save(values.filter { $0.metric == "a" }, at: Date(timeIntervalSince1970: 1_800_000_500))
        return (folder, path, values)
    }

    @Test func bothWaysReadWhatOneWayReads() throws {
        let (folder, path, values) = try makeStore(keys: 300)
        defer { _ = folder }
        var expected: [String: [String: [DayValue]]] = [:]
        for value in values.sorted(by: { $0.day < $1.day }) {
            expected[value.metric, default: [:]][value.key, default: []].append(DayValue(day: value.day, value: value.value))
        }
        let oneWay = try ValueScan.read(SQLiteDatabase(path: path, readOnly: true), backward: nil, store: path)
        #expect(oneWay.series == expected)
        // The meeting point depends on the threads' timing: try it many times.
        for _ in 0..<20 {
            let both = try ValueScan.read(SQLiteDatabase(path: path, readOnly: true), backward: SQLiteDatabase(path: path, readOnly: true), store: path)
            #expect(both.series == expected)
            #expect(both.lastSaved == ["m": Date(timeIntervalSince1970: 1_800_000_000), "a": Date(timeIntervalSince1970: 1_800_000_500)])
        }
        #expect(try MetricStore(path: path, readOnly: true).allValues().lastSaved == MetricStore(path: path, readOnly: true).lastSaved())
    }

    @Test func theFirstBadRowInKeyOrderIsReported() throws {
        let (folder, path, _) = try makeStore(keys: 300)
        defer { _ = folder }
        // One bad day near each end of the table.
        try SQLiteDatabase(path: path).execute("""
            UPDATE metric_values SET day = '2026-02-30' WHERE metric = 'a' AND day = '\(start.advanced(by: 1))';
            UPDATE metric_values SET day = '2026-02-31' WHERE metric = 'm' AND key = 'k99' AND day = '\(start)';
            """)
        for _ in 0..<20 {
            do {
                _ = try ValueScan.read(SQLiteDatabase(path: path, readOnly: true), backward: SQLiteDatabase(path: path, readOnly: true), store: path)
                Issue.record("a day that does not exist was read")
            } catch {
                #expect("\(error)".contains("metric 'a'") && "\(error)".contains("day '2026-02-30' is not a day"), "\(error)")
            }
        }
    }

    @Test func aBadNewestSaveTimeNamesItsRow() throws {
        let (folder, path, _) = try makeStore(keys: 10)
        defer { _ = folder }
        try SQLiteDatabase(path: path).execute("UPDATE metric_values SET collected_at = 'yesterday' WHERE metric = 'm' AND key = 'k3'")
        do {
            _ = try MetricStore(path: path, readOnly: true).allValues()
            Issue.record("a save time that is not one was read")
        } catch {
            // 'yesterday' sorts after every ISO time, so it is metric m's newest.
            #expect("\(error)".contains("metric_values row (metric 'm', key 'k3', day '"), "\(error)")
            #expect("\(error)".contains("collected_at 'yesterday' is not a UTC time"), "\(error)")
        }
    }
}
