/// Maps days to pixels and picks date ticks that fit the span and the width:
/// days (`Mar 4`) up to two weeks, Mondays up to three months, month starts
/// (`Mar`, January as `2025`) up to two years, then years (`2025`).
public struct TimeScale: Sendable, Hashable {
    /// One labelled tick.
    public struct Tick: Sendable, Hashable {
        /// Where the tick sits.
        public var day: Day
        /// `Mar 4`, `Mar` or `2025`.
        public var label: String
    }

    /// The granularity ticks are chosen at.
    public enum Interval: Int, Sendable, Hashable, Comparable {
        /// Daily, weekly (Mondays), month starts, years.
        case day, week, month, year

        /// Orders intervals from finest to coarsest.
        public static func < (a: Interval, b: Interval) -> Bool { a.rawValue < b.rawValue }
    }

    /// First day shown.
    public var start: Day
    /// Last day shown (≥ start).
    public var end: Day
    /// Pixel position of `start`.
    public var rangeStart: Double
    /// Pixel position of `end`.
    public var rangeEnd: Double
    /// Extra room, in days, before `start` and after `end` (half a bar for bar charts).
    public var padding: Double
    /// The finest tick interval allowed (`.month` for monthly roll-ups).
    public var minimumInterval: Interval = .day

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A scale from `start` to `end` (swapped when reversed).
    public init(start: Day, end: Day, rangeStart: Double, rangeEnd: Double, padding: Double = 0) {
        self.start = min(start, end)
        self.end = max(start, end)
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        self.padding = padding.isFinite ? max(0, padding) : 0
    }

    /// The pixel position of `day`; a one-day scale puts it in the middle.
    public func callAsFunction(_ day: Day) -> Double {
        position(Double(day.ordinal))
    }

    /// The pixel position of a fractional day ordinal.
    public func position(_ ordinal: Double) -> Double {
        let lo = Double(start.ordinal) - padding
        let span = Double(end.ordinal) + padding - lo
        guard span > 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (ordinal - lo) / span * (rangeEnd - rangeStart)
    }

    /// Pixels per day.
    public var pixelsPerDay: Double {
        let span = Double(end.ordinal - start.ordinal) + 2 * padding
        return span > 0 ? abs(rangeEnd - rangeStart) / span : abs(rangeEnd - rangeStart)
    }

    /// The most ticks that fit in `width` px when each label is about `labelWidth`
    /// px wide with room between them: at least 2, at most 14.
    public static func maxTicks(width: Double, labelWidth: Double = 48) -> Int {
        guard width.isFinite, labelWidth.isFinite, labelWidth > 0 else { return 2 }
        return Int(min(max(width / (labelWidth + 14), 2), 14))
    }

    /// The interval ticks use for this span.
    public var interval: Interval {
        let span = start.distance(to: end)
        let fitting: Interval = span <= 14 ? .day : span <= 92 ? .week : span <= 731 ? .month : .year
        return max(fitting, minimumInterval)
    }

    /// Ticks for a plot `width` pixels wide (defaults to the range width).
    public func ticks(width: Double? = nil) -> [Tick] {
        let room = width ?? abs(rangeEnd - rangeStart)
        // Labels at 12 px: `Mar 14` ≈ 44 px, `Mar` / `2025` ≈ 29 px; room between them.
        let limit = Self.maxTicks(width: room, labelWidth: interval >= .month ? 28 : 46)
        switch interval {
        case .day:
            let days = Array(start...end)
            return thin(days, limit: limit).map { Tick(day: $0, label: Self.dayLabel($0)) }
        case .week:
            let first = start.advanced(by: (7 - start.weekday) % 7)
            let mondays = Array(stride(from: first, through: end, by: 7))
            return thin(mondays, limit: limit).map { Tick(day: $0, label: Self.dayLabel($0)) }
        case .month:
            let months = monthStarts()
            let step = [1, 2, 3, 4, 6, 12].first { (months.count + $0 - 1) / $0 <= limit } ?? 12
            return months.filter { ($0.civil.month - 1) % step == 0 }.map { Tick(day: $0, label: Self.monthLabel($0)) }
        case .year:
            let years = yearStarts()
            let first = start.civil.year
            let span = max(1, end.civil.year - first + 1)
            var step = 1
            for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
                step = candidate
                if span / candidate + 1 <= limit { break }
            }
            return years.filter { $0.civil.year % step == 0 }.map { Tick(day: $0, label: String($0.civil.year)) }
        }
    }

    /// Every `k`-th element so that at most `limit` remain.
    private func thin(_ days: [Day], limit: Int) -> [Day] {
        let k = max(1, (days.count + limit - 1) / max(limit, 1))
        return days.enumerated().filter { $0.offset % k == 0 }.map(\.element)
    }

    private func monthStarts() -> [Day] {
        var day = Rollup.month.bucket(of: start)
        if day < start { day = Rollup.month.next(after: day) }
        var out: [Day] = []
        while day <= end && out.count < 1000 {
            out.append(day)
            day = Rollup.month.next(after: day)
        }
        return out
    }

    private func yearStarts() -> [Day] {
        let (y0, _, _) = start.civil
        let y1 = end.civil.year
        guard y1 - y0 < 100_000 else { return [] }
        return (y0...y1 + 1).compactMap { Day(year: $0, month: 1, day: 1) }.filter { $0 >= start && $0 <= end }
    }

    /// `Mar 4`.
    public static func dayLabel(_ day: Day) -> String {
        let (_, m, d) = day.civil
        return monthNames[(m - 1) % 12] + " " + String(d)
    }

    /// `Mar`, or the year for January (`2025`).
    public static func monthLabel(_ day: Day) -> String {
        let (y, m, _) = day.civil
        return m == 1 ? String(y) : monthNames[(m - 1) % 12]
    }
}
