import Foundation

extension MetricStore {
    /// Stores an event (`dbag event`); its metrics are kept as a comma-separated list.
    public func addEvent(_ event: ChartEvent, at now: Date = Date()) throws {
        let insert = try database.prepare("INSERT INTO events (day, label, metrics, recorded_at) VALUES (?, ?, ?, ?)")
        try insert.run([.text(event.day.description), .text(event.label), .text(event.metrics.joined(separator: ",")),
                        .text(Timestamp.string(now))])
    }

    /// Every stored event, by day then label; none in a store older than the events table.
    /// A row whose day is not a day is an error naming it, as for values.
    public func events() throws -> [ChartEvent] {
        guard schemaVersion >= 2 else { return [] }
        let statement = try database.prepare("SELECT day, label, metrics FROM events ORDER BY day, label, id")
        var result: [ChartEvent] = []
        while try statement.step() {
            guard let day = Day(statement.string(0)) else {
                throw Diagnostic("events row (label '\(StoredText.shown(statement.string(1)))'): day '\(StoredText.shown(statement.string(0)))' is not a day (YYYY-MM-DD); fix or delete that row with any SQLite client", file: database.path)
            }
            let metrics = statement.string(2).split(separator: ",").map(String.init)
            result.append(ChartEvent(day: day, label: statement.string(1), metrics: metrics))
        }
        return result
    }
}
