import Foundation

/// Every value a build draws, loaded once: stored series, object labels and
/// collection times.
public struct SiteData: Sendable {
    /// metric → key → points, days ascending.
    public var series: [String: [String: [DayValue]]]
    /// metric → key → label.
    public var labels: [String: [String: String]]
    /// metric → when a value was last saved.
    public var lastSaved: [String: Date]
    /// metric → its latest collection run.
    public var latestRuns: [String: CollectionRun]

    public init(series: [String: [String: [DayValue]]] = [:], labels: [String: [String: String]] = [:],
                lastSaved: [String: Date] = [:], latestRuns: [String: CollectionRun] = [:]) {
        self.series = series
        self.labels = labels
        self.lastSaved = lastSaved
        self.latestRuns = latestRuns
    }

    /// Loads the store read-only; a project with no store yet has no data.
    public static func load(_ config: Config) throws -> SiteData {
        guard let store = try config.openStoreForReading() else { return SiteData() }
        return SiteData(series: try store.allSeries(), labels: try store.labels(),
                        lastSaved: try store.lastSaved(), latestRuns: try store.latestRuns())
    }

    /// The points of one metric and key (`""` for plain metrics).
    public func points(_ metric: String, key: String = "") -> [DayValue] {
        series[metric]?[key] ?? []
    }

    /// Keys of a per-object metric, sorted.
    public func keys(_ metric: String) -> [String] {
        (series[metric]?.keys).map { $0.sorted() } ?? []
    }

    /// An object's label, or its key.
    public func label(_ metric: String, key: String) -> String {
        labels[metric]?[key] ?? key
    }
}
