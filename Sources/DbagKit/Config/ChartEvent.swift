/// Something that happened on a day (a deploy, a launch), drawn on every chart whose
/// window holds it: from `events:` in dbag.yml or stored by `dbag event`.
public struct ChartEvent: Sendable, Hashable {
    /// The day it happened.
    public var day: Day
    /// What happened; escaped wherever it is shown.
    public var label: String
    /// The metrics whose charts show it; empty for every chart.
    public var metrics: [String]

    /// An event on `day`, for the charts of `metrics` (every chart when empty).
    public init(day: Day, label: String, metrics: [String] = []) {
        self.day = day
        self.label = label
        self.metrics = metrics
    }

    /// Whether a chart of these metrics shows the event.
    public func applies(to slugs: [String]) -> Bool {
        metrics.isEmpty || slugs.contains { metrics.contains($0) }
    }

    /// Events sorted by day, then label, without repeats.
    public static func sorted(_ events: [ChartEvent]) -> [ChartEvent] {
        var seen = Set<ChartEvent>()
        return events.filter { seen.insert($0).inserted }.sorted { ($0.day, $0.label) < ($1.day, $1.label) }
    }
}
