import Foundation

extension MetricStore {
    /// Removes a metric's values — of one object `key` or of every key — on the
    /// days `from...to` (nil bounds: every day), in one transaction, and returns
    /// how many were removed. Removing every day of a metric (or of one key)
    /// removes its object labels too.
    @discardableResult
    public func delete(metric: String, key: String? = nil, from: Day? = nil, to: Day? = nil) throws -> Int {
        var conditions = ["metric = ?"]
        var values: [SQLiteValue] = [.text(metric)]
        if let key {
            conditions.append("key = ?")
            values.append(.text(key))
        }
        if let from {
            conditions.append("day >= ?")
            values.append(.text(from.description))
        }
        if let to {
            conditions.append("day <= ?")
            values.append(.text(to.description))
        }
        let filter = conditions.joined(separator: " AND ")
        return try database.transaction {
            let count = try database.prepare("SELECT count(*) FROM metric_values WHERE \(filter)")
            try count.bind(values)
            _ = try count.step()
            let removed = count.int(0)
            try database.prepare("DELETE FROM metric_values WHERE \(filter)").run(values)
            if from == nil, to == nil {
                try database.prepare("DELETE FROM object_labels WHERE \(conditions.prefix(key == nil ? 1 : 2).joined(separator: " AND "))")
                    .run(Array(values.prefix(key == nil ? 1 : 2)))
            }
            return removed
        }
    }

    /// Whether the store holds any value at all.
    public func hasValues() throws -> Bool {
        let statement = try database.prepare("SELECT EXISTS (SELECT 1 FROM metric_values)")
        _ = try statement.step()
        return statement.int(0) != 0
    }
}
