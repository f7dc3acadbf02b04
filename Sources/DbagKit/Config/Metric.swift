import Foundation

/// How a metric's values are written: `12.3k`, `45.2%`, `3m 12s`, `1.2 GB`, `$1.2k`.
public enum MetricFormat: String, Sendable, CaseIterable {
    case number, percent, duration, bytes, currency
}

/// Which direction of change is good news; colours deltas.
public enum GoodDirection: String, Sendable, CaseIterable {
    case up, down, neutral
}

/// How days roll up into weeks and months in charts.
public enum Aggregation: String, Sendable, CaseIterable {
    case last, sum, avg, min, max
}

/// Bounds that make `dbag check` exit 3 when the latest value crosses them.
public struct Alert: Sendable, Hashable {
    public var below: Double?
    public var above: Double?

    public init(below: Double? = nil, above: Double? = nil) {
        self.below = below
        self.above = above
    }
}

/// One metric as declared in dbag.yml.
public struct Metric: Sendable {
    /// `[a-z0-9-]+`, unique.
    public var slug: String
    public var name: String
    public var description: String
    /// Shown beside values; the plural (`deploys`).
    public var unit: String
    /// The unit for exactly 1 (`deploy`) when dbag.yml names it; else `Plural.singular(of: unit)`.
    public var unitOne: String?
    public var format: MetricFormat
    public var good: GoodDirection
    public var aggregate: Aggregation
    /// The object kind for per-object metrics (`per: customer`), else nil.
    public var per: String?
    public var active: Bool
    /// Seconds after the last collection before the metric counts as stale.
    public var staleAfter: Double
    public var alert: Alert?
    /// The value the metric aims for, drawn as a reference line.
    public var target: MetricTarget?
    /// What a day without a value means.
    public var missing: MissingPolicy = .gap
    /// The group `metrics/` lists the metric under; nil for the uncategorised group.
    public var category: String?
    /// How values are collected (`collect:`); nil for pushed and series metrics.
    public var collect: CollectSpec?
    /// A build-time series (`series:`); nil for stored metrics.
    public var series: SQLQuery?
    /// Where the metric is declared in dbag.yml.
    public var location: SourceLocation

    public init(slug: String, name: String? = nil, description: String = "", unit: String = "",
                format: MetricFormat = .number, good: GoodDirection = .up, aggregate: Aggregation = .last,
                per: String? = nil, active: Bool = true, staleAfter: Double = 2 * 86_400, alert: Alert? = nil,
                collect: CollectSpec? = nil, series: SQLQuery? = nil,
                location: SourceLocation = SourceLocation(file: "dbag.yml", line: 1, column: 1)) {
        self.slug = slug
        self.name = name ?? Metric.title(fromSlug: slug)
        self.description = description
        self.unit = unit
        self.format = format
        self.good = good
        self.aggregate = aggregate
        self.per = per
        self.active = active
        self.staleAfter = staleAfter
        self.alert = alert
        self.collect = collect
        self.series = series
        self.location = location
    }

    /// The kind shown by `dbag metrics`: sql, command, http, series or pushed.
    public var kind: String {
        if let collect { return collect.kind }
        if series != nil { return "series" }
        return "pushed"
    }

    /// The query the metric runs on a source: its sql collector's or its series', else nil.
    public var query: SQLQuery? {
        collect?.query ?? series
    }

    /// "active-users" → "Active users".
    static func title(fromSlug slug: String) -> String {
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Whether a slug is `[a-z0-9-]+`.
    public static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}
