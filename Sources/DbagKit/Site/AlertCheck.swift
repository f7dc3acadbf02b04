/// A metric whose latest value crossed its `alert:` bound.
public struct FiredAlert: Sendable, CustomStringConvertible {
    public var metric: Metric
    /// The object key for per-object metrics, else nil.
    public var key: String?
    public var value: DayValue
    /// `below 10`.
    public var bound: String

    public var description: String {
        let formatted = ValueFormatter(format: metric.format, unit: metric.unit, unitOne: metric.unitOne).string(value.value)
        let object = key.map { " [\($0)]" } ?? ""
        return "\(metric.slug)\(object) is \(formatted) on \(value.day), \(bound) (dbag.yml:\(metric.location.line))"
    }
}

/// The `alert:` bounds of dbag.yml against the latest values.
public enum AlertCheck {
    /// Every metric (and object of per-object metrics) whose latest value crosses its bound.
    public static func fired(config: Config, data: SiteData) -> [FiredAlert] {
        var fired: [FiredAlert] = []
        for metric in config.metrics {
            guard let alert = metric.alert else { continue }
            for key in data.keys(metric.slug) {
                guard let latest = data.points(metric.slug, key: key).last, let bound = alert.message(for: latest.value, formatter: ValueFormatter(format: metric.format, unit: metric.unit)) else { continue }
                fired.append(FiredAlert(metric: metric, key: metric.per == nil ? nil : key, value: latest, bound: bound))
            }
        }
        return fired
    }
}
