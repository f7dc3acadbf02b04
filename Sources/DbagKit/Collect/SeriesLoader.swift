import Dispatch
import Foundation

/// Runs the `series:` queries of metrics computed at build time: rows of
/// `day, value` or `day, key, value` (columns by name when so named, else by
/// position; an optional `label` column names objects). Never written to the store.
public enum SeriesLoader {
    /// Loaded series: metric → key → points, and metric → key → label.
    public struct Result: Sendable {
        public var series: [String: [String: [DayValue]]] = [:]
        public var labels: [String: [String: String]] = [:]
    }

    /// Runs every series query in parallel; every failure is reported at its metric in dbag.yml.
    public static func load(config: Config) throws(DiagnosticList) -> Result {
        let metrics = config.metrics.filter { $0.series != nil }
        try config.checkSourceEnvironment(for: metrics)
        let pool = SourcePool(timeZone: config.timeZone)
        let results = ResultSlots<Swift.Result<(series: [String: [DayValue]], labels: [String: String]), CollectError>>(count: metrics.count)
        DispatchQueue.concurrentPerform(iterations: metrics.count) { index in
            let metric = metrics[index]
            guard let query = metric.series, let source = config.sources[query.source] else {
                results.set(index, .failure(CollectError("unknown source")))
                return
            }
            results.set(index, Swift.Result { () throws(CollectError) in
                try SourceQuery.run(source, sql: query.sql, timeout: query.timeout, pool: pool, location: query.sqlLocation) { try rows($0) }
            })
        }
        var loaded = Result()
        var diagnostics: [Diagnostic] = []
        for (metric, result) in zip(metrics, results.values) {
            switch result {
            case .success(let value):
                loaded.series[metric.slug] = value.series
                if !value.labels.isEmpty { loaded.labels[metric.slug] = value.labels }
            case .failure(let error):
                diagnostics.append(error.diagnostic.about("series '\(metric.slug)'", at: metric.location))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return loaded
    }

    /// Reads the rows of one query.
    static func rows(_ rows: any SourceRows) throws -> (series: [String: [DayValue]], labels: [String: String]) {
        let count = rows.columnCount
        guard count >= 2 else {
            throw CollectError("a series query returns day, value or day, key, value columns, not \(count) (in `\(rows.sql)`)")
        }
        let dayColumn = rows.columnIndex(named: "day") ?? 0
        let valueColumn = rows.columnIndex(named: "value") ?? count - 1
        let keyColumn = rows.columnIndex(named: "key") ?? (count >= 3 ? 1 : nil)
        let labelColumn = rows.columnIndex(named: "label")
        var series: [String: [Day: Double]] = [:]
        var labels: [String: String] = [:]
        var row = 0
        while try rows.next() {
            row += 1
            let dayValue = rows.value(dayColumn)
            guard let day = dayValue.day else {
                throw CollectError("row \(row): day '\(dayValue.text)' is not YYYY-MM-DD (in `\(rows.sql)`)")
            }
            let value = rows.value(valueColumn)
            guard let number = value.number else {
                throw CollectError("row \(row): value '\(value.text)' is not a number (in `\(rows.sql)`)")
            }
            let key = keyColumn.map { rows.value($0).text } ?? ""
            if let labelColumn, case let label = rows.value(labelColumn), !label.isNull { labels[key] = label.text }
            if let problem = StoredText.problem(key, what: "key") ?? labels[key].flatMap({ StoredText.problem($0, what: "label") }) {
                throw CollectError("row \(row): \(problem) (in `\(rows.sql)`)")
            }
            guard series[key, default: [:]].updateValue(number, forKey: day) == nil else {
                throw CollectError("row \(row): day \(day)\(key.isEmpty ? "" : " of key '\(key)'") appears twice; group by day (in `\(rows.sql)`)")
            }
        }
        return (series.mapValues { days in days.keys.sorted().compactMap { day in days[day].map { DayValue(day: day, value: $0) } } }, labels)
    }
}
