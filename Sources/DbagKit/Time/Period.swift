/// A time window ending at a day: `Nd` days, `Nw` weeks, `Nm` calendar months,
/// `Ny` calendar years (up to ten years), or `all`.
public enum Period: Sendable, Hashable, CustomStringConvertible {
    /// The last `n` days, the end day included.
    case days(Int)
    /// The last `n` weeks (7 × n days).
    case weeks(Int)
    /// The last `n` calendar months: from the day after the same date `n` months earlier.
    case months(Int)
    /// The last `n` calendar years.
    case years(Int)
    /// Every point.
    case all

    /// Parses `Nd` (1–3660), `Nw` (1–522), `Nm` (1–120), `Ny` (1–10) or `all`; nil otherwise.
    public init?(_ input: some StringProtocol) {
        let text = String(input)
        if text == "all" {
            self = .all
            return
        }
        guard let unit = text.last, text.count >= 2, text.count <= 5 else { return nil }
        let digits = text.dropLast()
        guard digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), digits.first != "0", let n = Int(digits) else { return nil }
        switch unit {
        case "d" where n <= 3660: self = .days(n)
        case "w" where n <= 522: self = .weeks(n)
        case "m" where n <= 120: self = .months(n)
        case "y" where n <= 10: self = .years(n)
        default: return nil
        }
    }

    /// `90d`, `12w`, `6m`, `1y` or `all`.
    public var description: String {
        switch self {
        case .days(let n): return "\(n)d"
        case .weeks(let n): return "\(n)w"
        case .months(let n): return "\(n)m"
        case .years(let n): return "\(n)y"
        case .all: return "all"
        }
    }

    /// Words for summaries: `last 90 days`, `last day`, `last 6 months`, `last year`, `all time`.
    public var label: String {
        switch self {
        case .days(let n): return Self.last(n, "day")
        case .weeks(let n): return Self.last(n, "week")
        case .months(let n): return Self.last(n, "month")
        case .years(let n): return Self.last(n, "year")
        case .all: return "all time"
        }
    }

    private static func last(_ n: Int, _ unit: String) -> String {
        n == 1 ? "last " + unit : "last \(n) \(unit)s"
    }

    /// The first day inside the window ending at `end`; nil for `all`.
    public func start(endingAt end: Day) -> Day? {
        switch self {
        case .days(let n): return end.advanced(by: -(max(n, 1) - 1))
        case .weeks(let n): return end.advanced(by: -(7 * max(n, 1) - 1))
        case .months(let n): return Self.monthsBefore(end, max(n, 1)).advanced(by: 1)
        case .years(let n): return Self.monthsBefore(end, 12 * max(n, 1)).advanced(by: 1)
        case .all: return nil
        }
    }

    /// The same date `months` months before `day`, clamped to the end of a shorter month.
    static func monthsBefore(_ day: Day, _ months: Int) -> Day {
        let (y, m, d) = day.civil
        let index = y * 12 + (m - 1) - months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        var candidate = d
        while candidate > 28, Day(year: year, month: month, day: candidate) == nil { candidate -= 1 }
        return Day(year: year, month: month, day: candidate) ?? day.advanced(by: -30 * months)
    }

    /// The points from the window ending at `end` (inclusive), in their original order.
    public func filter(_ points: [DayValue], endingAt end: Day) -> [DayValue] {
        guard let start = start(endingAt: end) else { return points.filter { $0.day <= end } }
        return points.filter { $0.day >= start && $0.day <= end }
    }
}
