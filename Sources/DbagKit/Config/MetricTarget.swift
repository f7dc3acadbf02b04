/// A value a metric aims for (`target: 500` or `target: { value: 500, by: 2026-12-31 }`).
public struct MetricTarget: Sendable, Hashable {
    /// The value aimed for, in the metric's own terms.
    public var value: Double
    /// The day it should be reached by, when dbag.yml names one.
    public var by: Day?

    /// A target, with the day it should be reached by when there is one.
    public init(value: Double, by: Day? = nil) {
        self.value = value
        self.by = by
    }

    /// How much of the target `value` is, as a fraction (0.62 for 62 %); nil for a zero target.
    public func share(of value: Double) -> Double? {
        guard self.value != 0, value.isFinite else { return nil }
        return value / self.value
    }
}

/// What a day without a value means for a metric (`missing:` in dbag.yml).
public enum MissingPolicy: String, Sendable, CaseIterable {
    /// No value: the line breaks (the default).
    case gap
    /// Counts as 0 (event counts).
    case zero
    /// Repeats the last value (levels such as seats).
    case carry

    /// `points` (days ascending) with each day between the first and the last filled
    /// as the policy says; unchanged for `gap`.
    public func fill(_ points: [DayValue]) -> [DayValue] {
        guard self != .gap, let first = points.first, let last = points.last, last.day.ordinal - first.day.ordinal + 1 > points.count else {
            return points
        }
        var out: [DayValue] = []
        out.reserveCapacity(last.day.ordinal - first.day.ordinal + 1)
        var previous = first
        for point in points {
            var day = previous.day.advanced(by: 1)
            while day < point.day {
                out.append(DayValue(day: day, value: self == .zero ? 0 : previous.value))
                day = day.advanced(by: 1)
            }
            out.append(point)
            previous = point
        }
        return out
    }
}
