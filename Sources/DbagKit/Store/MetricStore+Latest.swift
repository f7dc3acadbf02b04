import Foundation

extension MetricStore {
    /// Each metric's values on its latest day: one for plain metrics, one per key for per-object ones.
    public func latestValues() throws -> [String: [(key: String, day: Day, value: Double)]] {
        let statement = try database.prepare("""
            SELECT v.metric, v.key, v.day, v.value FROM metric_values v
            JOIN (SELECT metric, max(day) AS day FROM metric_values GROUP BY metric) m
              ON v.metric = m.metric AND v.day = m.day
            ORDER BY v.metric, v.key
            """)
        var result: [String: [(key: String, day: Day, value: Double)]] = [:]
        while try statement.step() {
            let row = StoreRow(statement, store: database.path)
            result[statement.string(0), default: []].append((statement.string(1), try row.day(2), try row.value(3)))
        }
        return result
    }
}
