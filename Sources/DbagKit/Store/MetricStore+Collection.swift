import Foundation

extension MetricStore {
    /// Saves a collection in one transaction: each successful metric's values
    /// replace everything it had on `day` (so collecting twice is idempotent, and
    /// objects gone since are dropped), labels are updated, and every run is logged.
    public func saveCollection(day: Day, outcomes: [MetricOutcome], at now: Date = Date()) throws {
        let stamp = Timestamp.string(now)
        try database.transaction {
            let clear = try database.prepare("DELETE FROM metric_values WHERE metric = ? AND day = ?")
            let writer = MetricValueWriter(database, stamp: stamp)
            let label = try database.prepare("INSERT OR REPLACE INTO object_labels (metric, key, label) VALUES (?, ?, ?)")
            let log = try database.prepare("INSERT INTO collection_runs (metric, day, started_at, finished_at, status, error) VALUES (?, ?, ?, ?, ?, ?)")
            for outcome in outcomes {
                try log.run([.text(outcome.slug), .text(day.description), .text(Timestamp.string(outcome.started)),
                             .text(Timestamp.string(outcome.finished)), .text(outcome.error == nil ? "ok" : "error"),
                             outcome.error.map { .text($0) } ?? .null])
                guard outcome.error == nil else { continue }
                try clear.run([.text(outcome.slug), .text(day.description)])
                for value in outcome.values {
                    try writer.add(metric: outcome.slug, key: value.key, day: day, value: value.value)
                    if let text = value.label {
                        try label.run([.text(outcome.slug), .text(value.key), .text(text)])
                    }
                }
                // Before the next metric's DELETE, which must not see this one's rows pending.
                try writer.finish()
            }
        }
    }
}
