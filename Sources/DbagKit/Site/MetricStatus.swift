import Foundation

/// One row of `dbag metrics`: a metric's kind, last value and health.
public struct MetricStatus: Sendable {
    public var slug: String
    public var kind: String
    /// `12`, `6 objects`, or `—`.
    public var lastValue: String
    /// When a value was last saved, or nil.
    public var lastSaved: Date?
    /// `ok`, `stale`, `failed: …`, `never`, `build-time` or `inactive`.
    public var status: String

    /// The status of every metric in dbag.yml order.
    public static func all(config: Config, store: (any Store)?, now: Date = Date()) throws -> [MetricStatus] {
        let latest = try store?.latestValues() ?? [:]
        let saved = try store?.lastSaved() ?? [:]
        let runs = try store?.latestRuns() ?? [:]
        return config.metrics.map { metric in
            let values = latest[metric.slug] ?? []
            let shown: String
            if values.count == 1, values[0].key.isEmpty {
                shown = ValueFormatter(format: metric.format, unit: metric.unit, unitOne: metric.unitOne).string(values[0].value)
            } else {
                shown = values.isEmpty ? "—" : "\(values.count) objects"
            }
            let status: String
            if metric.series != nil {
                status = "build-time"
            } else if let error = runs[metric.slug]?.error {
                status = "failed: \(error)"
            } else if let newest = values.first?.day {
                let stale = Freshness.isStale(newest: newest, staleAfter: metric.staleAfter, today: Day(now, in: config.timeZone))
                status = stale && metric.active ? "stale since \(newest)" : "ok"
            } else {
                status = metric.active ? "never" : "inactive"
            }
            return MetricStatus(slug: metric.slug, kind: metric.kind, lastValue: shown, lastSaved: saved[metric.slug], status: status)
        }
    }

    /// An aligned text table with a header.
    public static func table(_ rows: [MetricStatus]) -> String {
        let cells = [["METRIC", "KIND", "LAST VALUE", "LAST COLLECTED", "STATUS"]] + rows.map {
            [$0.slug, $0.kind, $0.lastValue, $0.lastSaved.map { Timestamp.string($0).replacingOccurrences(of: "T", with: " ") } ?? "—", $0.status]
        }
        let widths = (0..<4).map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[4]
        }.joined(separator: "\n")
    }
}
