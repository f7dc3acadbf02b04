extension SiteData {
    /// The newest day on which a metric has a value (any key), or nil when it has none.
    public func newestDay(_ metric: String) -> Day? {
        (series[metric] ?? [:]).values.compactMap { $0.last?.day }.max()
    }
}
