extension SiteData {
    /// The newest day on which a metric has a value (any key), or nil when it has none.
    public func newestDay(_ metric: String) -> Day? {
        newestDays[metric]
    }

    /// metric → the newest day of any of its keys; metrics without a value are left out.
    static func newestDays(in series: [String: [String: [DayValue]]]) -> [String: Day] {
        series.compactMapValues { keys in keys.values.compactMap { $0.last?.day }.max() }
    }
}
