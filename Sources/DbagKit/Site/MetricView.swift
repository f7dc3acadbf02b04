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
            let objects = data.series[metric.slug] ?? [:]
            points = Self.total(objects.keys.sorted().map { metric.missing.fill(objects[$0] ?? []) })
        }
    }

    /// The sum per day of `series` (each days ascending), added in the order given,
    /// so the same store gives the same bits in every process.
    static func total(_ series: [[DayValue]]) -> [DayValue] {
        let firsts = series.compactMap { $0.first?.day.ordinal }, lasts = series.compactMap { $0.last?.day.ordinal }
        guard let low = firsts.min(), let high = lasts.max() else { return [] }
        let count = series.reduce(0) { $0 + $1.count }
        // Days far apart (a stray date in year 1): by dictionary, not a sparse array.
        guard high - low <= 4 * count + 4096 else {
            var totals: [Day: Double] = [:]
            for points in series { for point in points { totals[point.day, default: 0] += point.value } }
            return totals.keys.sorted().compactMap { day in totals[day].map { DayValue(day: day, value: $0) } }
        }
        var sums = [Double](repeating: 0, count: high - low + 1)
        var present = [Bool](repeating: false, count: high - low + 1)
        for points in series {
            for point in points {
                sums[point.day.ordinal - low] += point.value
                present[point.day.ordinal - low] = true
            }
        }
        return present.indices.compactMap { present[$0] ? DayValue(day: Day(ordinal: low + $0), value: sums[$0]) : nil }
    }

    /// The newest point.
    public var latest: DayValue? { points.last }

    /// The formatter for this metric's values.
    public var formatter: ValueFormatter {
        Self.formatter(metric)
    }

    /// The formatter for a metric's values, without reading any of them.
    public static func formatter(_ metric: Metric) -> ValueFormatter {
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
