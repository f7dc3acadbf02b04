import Foundation

/// How fresh the data behind a page is: when it was last collected, and which
/// of its metrics are stale or failed their last collection.
public struct Freshness: Sendable {
    public var lastCollected: Date?
    /// Metrics whose newest day with a value is older than their `stale_after`.
    public var stale: [Metric]
    /// Metrics whose latest collection run failed.
    public var failed: [Metric]

    /// Freshness of the given metrics at `now`. Series metrics are computed at
    /// build time and are never stale; inactive ones are not expected to move.
    public init(metrics: [Metric], data: SiteData, now: Date, timeZone: TimeZone = .gmt) {
        lastCollected = metrics.compactMap { data.lastSaved[$0.slug] }.max()
        stale = metrics.filter { Freshness.isStale($0, data: data, now: now, timeZone: timeZone) }
        failed = metrics.filter { data.latestRuns[$0.slug]?.error != nil }
    }

    /// Whether a stored, active metric's newest day with a value is older than
    /// its `stale_after`, counted in days from today in the project's timezone.
    /// When the value was saved does not matter: a value recorded today for a
    /// day long past is stale. A metric with no value yet is not stale (its
    /// panels say "No data yet").
    public static func isStale(_ metric: Metric, data: SiteData, now: Date, timeZone: TimeZone = .gmt) -> Bool {
        guard metric.series == nil, metric.active, let newest = data.newestDay(metric.slug) else { return false }
        return isStale(newest: newest, staleAfter: metric.staleAfter, today: Day(now, in: timeZone))
    }

    /// Whether a newest day is more than `staleAfter` seconds of whole days before `today`.
    public static func isStale(newest: Day, staleAfter: Double, today: Day) -> Bool {
        Double(today.ordinal - newest.ordinal) * 86_400 > staleAfter
    }

    /// `2026-11-25 14:01 UTC`.
    public static func text(_ date: Date) -> String {
        let stamp = Timestamp.string(date)
        return stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(5) + " UTC"
    }

    /// The Mustache context for the `freshness` partial.
    public var context: [String: Any] {
        var context: [String: Any] = [:]
        if let lastCollected {
            context["last_collected"] = Timestamp.string(lastCollected)
            context["last_collected_text"] = Freshness.text(lastCollected)
        }
        if !stale.isEmpty {
            context["stale_count"] = stale.count
            context["stale_names"] = stale.map(\.name).joined(separator: ", ")
        }
        if !failed.isEmpty {
            context["failed_count"] = failed.count
            context["failed_names"] = failed.map(\.name).joined(separator: ", ")
        }
        return context
    }
}
