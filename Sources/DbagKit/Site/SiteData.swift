import Foundation

/// Every value a build draws, loaded once: stored series, object labels and
/// collection times.
public struct SiteData: Sendable {
    /// metric → key → points, days ascending.
    public var series: [String: [String: [DayValue]]] {
        didSet { newestDays = Self.newestDays(in: series) }
    }
    /// metric → the newest day with a value (any key), kept with `series`: every
    /// stat and page asks, and a scan of every key each time grows with objects².
    public private(set) var newestDays: [String: Day] = [:]
    /// metric → key → label.
    public var labels: [String: [String: String]]
    /// metric → when a value was last saved.
    public var lastSaved: [String: Date]
    /// metric → its latest collection run.
    public var latestRuns: [String: CollectionRun]
    /// Events from the store and dbag.yml, by day (see `SiteBuilder.prepare`).
    public var events: [ChartEvent] = []
    /// metric → its latest failed collection run, for metric pages.
    public var latestFailures: [String: CollectionRun] = [:]

    public init(series: [String: [String: [DayValue]]] = [:], labels: [String: [String: String]] = [:],
                lastSaved: [String: Date] = [:], latestRuns: [String: CollectionRun] = [:]) {
        self.series = series
        newestDays = Self.newestDays(in: series)
        self.labels = labels
        self.lastSaved = lastSaved
        self.latestRuns = latestRuns
    }

    /// Loads the store read-only; a project with no store yet has no data.
    /// The values and when each metric was last saved, most of the reading, come on
    /// connections of their own (`ValueScan`) while this thread reads everything else.
    public static func load(_ config: Config) throws -> SiteData {
        guard let store = try config.openStoreForReading(), let seriesStore = try config.openStoreForReading() else { return SiteData() }
        let values = ResultSlots<Result<(series: [String: [String: [DayValue]]], lastSaved: [String: Date]), any Error>>(count: 1)
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            values.set(0, Result { try seriesStore.allValues() })
        }
        let rest = Result {
            var data = SiteData(labels: try store.labels(), lastSaved: [:], latestRuns: try store.latestRuns())
            data.events = try store.events()
            data.latestFailures = try store.latestFailures()
            return data
        }
        reading.wait()
        // A bad stored value is reported first, as when the series were read first.
        let loaded = try values.values.first?.get()
        var data = try rest.get()
        data.series = loaded?.series ?? [:]
        data.lastSaved = loaded?.lastSaved ?? [:]
        return data
    }

    /// The points of one metric and key (`""` for plain metrics).
    public func points(_ metric: String, key: String = "") -> [DayValue] {
        series[metric]?[key] ?? []
    }

    /// Keys of a per-object metric, sorted.
    public func keys(_ metric: String) -> [String] {
        (series[metric]?.keys).map { $0.sorted() } ?? []
    }

    /// The events a chart of these metrics shows, within `window` when given.
    public func events(for slugs: [String], in window: ClosedRange<Day>? = nil) -> [ChartEvent] {
        events.filter { event in event.applies(to: slugs) && (window.map { $0.contains(event.day) } ?? true) }
    }

    /// An object's label, or its key.
    public func label(_ metric: String, key: String) -> String {
        labels[metric]?[key] ?? key
    }
}
