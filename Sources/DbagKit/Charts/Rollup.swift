/// How days are grouped for a chart: by day, ISO week (starting Monday) or calendar month.
public enum Rollup: String, Sendable, Hashable, CaseIterable {
    /// One bucket per day, per ISO week (Monday first) or per calendar month.
    case day, week, month

    /// The first day of the bucket holding `day` (itself, its Monday, or the 1st).
    public func bucket(of day: Day) -> Day {
        switch self {
        case .day: return day
        case .week: return day.advanced(by: -day.weekday)
        case .month:
            let (y, m, _) = day.civil
            return Day(year: y, month: m, day: 1) ?? day
        }
    }

    /// The first day of the bucket after the one starting at `bucket`.
    public func next(after bucket: Day) -> Day {
        switch self {
        case .day: return bucket.advanced(by: 1)
        case .week: return bucket.advanced(by: 7)
        case .month:
            let (y, m, _) = self.bucket(of: bucket).civil
            return Day(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1) ?? bucket.advanced(by: 31)
        }
    }

    /// Points grouped into buckets, each dated by its first day and valued by `aggregation`;
    /// sorted by day, non-finite values ignored, empty buckets left out (they are gaps).
    public func apply(_ points: [DayValue], aggregation: Aggregation) -> [DayValue] {
        if let sorted = applySorted(points, aggregation: aggregation) { return sorted }
        var groups: [Day: [DayValue]] = [:]
        for point in points where point.value.isFinite {
            groups[bucket(of: point.day), default: []].append(point)
        }
        return groups.keys.sorted().compactMap { key in
            guard let members = groups[key], let value = Self.aggregate(members, aggregation) else { return nil }
            return DayValue(day: key, value: value)
        }
    }

    /// `apply` in one pass for points already in day order (the usual case: buckets
    /// are then runs of neighbours, members in the same order); nil when out of order.
    private func applySorted(_ points: [DayValue], aggregation: Aggregation) -> [DayValue]? {
        var out: [DayValue] = []
        out.reserveCapacity(self == .day ? points.count : points.count / 7 + 2)
        var members: [DayValue] = []
        var current: Day?
        var previous: Day?
        for point in points where point.value.isFinite {
            if let previous, point.day < previous { return nil }
            previous = point.day
            let key = bucket(of: point.day)
            if key != current {
                if let current, let value = Self.aggregate(members, aggregation) { out.append(DayValue(day: current, value: value)) }
                current = key
                members.removeAll(keepingCapacity: true)
            }
            members.append(point)
        }
        if let current, let value = Self.aggregate(members, aggregation) { out.append(DayValue(day: current, value: value)) }
        return out
    }

    /// One value for a group of points; nil when the group is empty.
    static func aggregate(_ points: [DayValue], _ aggregation: Aggregation) -> Double? {
        guard !points.isEmpty else { return nil }
        let values = points.map(\.value)
        switch aggregation {
        case .last: return points.max { $0.day < $1.day }?.value
        case .sum: return values.reduce(0, +)
        case .avg:
            let sum = values.reduce(0, +)
            let n = Double(values.count)
            return sum.isFinite ? sum / n : values.reduce(0) { $0 + $1 / n }
        case .min: return values.min()
        case .max: return values.max()
        }
    }

    /// Whether two consecutive points (already rolled up) leave a missing bucket between them.
    public func isGap(from a: Day, to b: Day) -> Bool {
        bucket(of: b) > next(after: bucket(of: a))
    }

    /// How a bucket is named in tooltips and tables: `2024-03-04`, `week of 2024-03-04`, `2024-03`.
    public func label(_ day: Day) -> String {
        switch self {
        case .day: return day.description
        case .week: return "week of " + bucket(of: day).description
        case .month: return String(bucket(of: day).description.prefix(7))
        }
    }
}
