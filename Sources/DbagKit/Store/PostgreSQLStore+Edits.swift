import Foundation

extension PostgreSQLStore {
    @discardableResult
    public func delete(metric: String, key: String?, from: Day?, to: Day?) throws -> Int {
        var conditions = ["metric = $1"], parameters: [String?] = [metric]
        for (column, value) in [("key =", key), ("day >=", from?.description), ("day <=", to?.description)] {
            guard let value else { continue }
            parameters.append(value)
            conditions.append("\(column) $\(parameters.count)")
        }
        return try transaction {
            let removed = try connection.query("DELETE FROM metric_values WHERE " + conditions.joined(separator: " AND "), parameters).changes
            if from == nil, to == nil {
                let labelConditions = key == nil ? "metric = $1" : "metric = $1 AND key = $2"
                try connection.query("DELETE FROM object_labels WHERE " + labelConditions, Array(parameters.prefix(key == nil ? 1 : 2)))
            }
            return removed
        }
    }

    public func hasValues() throws -> Bool {
        try read("SELECT EXISTS (SELECT 1 FROM metric_values)").text(0, 0) == "t"
    }

    public func addEvent(_ event: ChartEvent, at now: Date) throws {
        try transaction {
            _ = try connection.query("INSERT INTO events (day, label, metrics, recorded_at) VALUES ($1, $2, $3, $4)",
                                 [event.day.description, event.label, event.metrics.joined(separator: ","), Timestamp.string(now)])
        }
    }

    public func events() throws -> [ChartEvent] {
        let result = try read("SELECT day, label, metrics FROM events ORDER BY day, label, id")
        return (0..<result.rowCount).compactMap { row in
            Day(result.text(row, 0)).map { ChartEvent(day: $0, label: result.text(row, 1), metrics: result.text(row, 2).split(separator: ",").map(String.init)) }
        }
    }
}
