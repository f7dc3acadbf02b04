/// What a page shows of one metric (and object key): its points, latest value,
/// the day it is as of, and its change over a period.
public struct MetricView: Sendable {
    public var metric: Metric
    /// The object key, or nil for a plain metric (or a per-object metric's total).
    public var key: String?
    /// Days ascending.
    public var points: [DayValue]

    /// The points of `metric`, days without a value filled as its `missing:` says; a per-object metric without a key sums its objects per day.
    public init(metric: Metric, key: String?, data: SiteData) {
        self.metric = metric
        self.key = key
        if metric.per == nil || key != nil {
            points = metric.missing.fill(data.points(metric.slug, key: key ?? ""))
        } else {
            var totals: [Day: Double] = [:]
            for series in (data.series[metric.slug] ?? [:]).values {
                for point in metric.missing.fill(series) { totals[point.day, default: 0] += point.value }
            }
            points = totals.keys.sorted().compactMap { day in totals[day].map { DayValue(day: day, value: $0) } }
        }
    }

    /// The newest point.
    public var latest: DayValue? { points.last }

    /// The formatter for this metric's values.
    public var formatter: ValueFormatter {
        ValueFormatter(format: metric.format, unit: metric.unit, unitOne: metric.unitOne)
    }

    /// The latest value formatted with its unit, or `–`.
    public var valueText: String {
        latest.map { formatter.string($0.value) } ?? "–"
    }

    /// The value on a day, or the nearest earlier one within a week.
    public func value(onOrBefore day: Day) -> DayValue? {
        var low = 0, high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].day <= day { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let point = points[low - 1]
        return day.ordinal - point.day.ordinal <= 7 ? point : nil
    }

    /// The change from `days` before the latest day to the latest day.
    /// `relativeDecimals` as in `Delta.between`, for deltas shown in one column.
    public func delta(overDays days: Int, relativeDecimals: Int? = nil) -> Delta? {
        guard let latest, let previous = value(onOrBefore: latest.day.advanced(by: -days)), previous.day < latest.day else { return nil }
        return Delta.between(latest.value, previous.value, format: metric.format, good: metric.good, unit: metric.unit,
                             relativeDecimals: relativeDecimals)
    }

    /// The points in a period ending at the latest day.
    public func points(in period: Period) -> [DayValue] {
        guard let latest else { return [] }
        return period.filter(points, endingAt: latest.day)
    }
}
