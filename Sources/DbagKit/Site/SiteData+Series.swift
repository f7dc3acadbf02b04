extension SiteData {
    /// Adds build-time series (they replace any stored values of the same metric).
    mutating func addSeries(_ loaded: SeriesLoader.Result) {
        for (metric, keys) in loaded.series { series[metric] = keys }
        for (metric, keys) in loaded.labels { labels[metric, default: [:]].merge(keys) { _, new in new } }
    }
}
