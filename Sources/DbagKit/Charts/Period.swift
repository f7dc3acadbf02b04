/// A time window ending at a day: `7d`, `30d`, `90d`, `365d` (any `Nd` up to 10 years) or `all`.
public enum Period: Sendable, Hashable, CustomStringConvertible {
    /// The last `n` days, the end day included.
    case days(Int)
    /// Every point.
    case all

    /// Parses `7d`, `30d`, `90d`, `365d`, any `Nd` with 1 ≤ N ≤ 3660, or `all`; nil otherwise.
    public init?(_ input: some StringProtocol) {
        let text = String(input)
        if text == "all" {
            self = .all
            return
        }
        guard text.hasSuffix("d"), text.count >= 2, text.count <= 5 else { return nil }
        let digits = text.dropLast()
        guard digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), digits.first != "0",
              let n = Int(digits), (1...3660).contains(n) else { return nil }
        self = .days(n)
    }

    /// `90d` or `all`.
    public var description: String {
        switch self {
        case .days(let n): return "\(n)d"
        case .all: return "all"
        }
    }

    /// Words for summaries: `last 90 days`, `last day`, `all time`.
    public var label: String {
        switch self {
        case .days(1): return "last day"
        case .days(let n): return "last \(n) days"
        case .all: return "all time"
        }
    }

    /// The first day inside the window ending at `end`; nil for `all`.
    public func start(endingAt end: Day) -> Day? {
        switch self {
        case .days(let n): return end.advanced(by: -(max(n, 1) - 1))
        case .all: return nil
        }
    }

    /// The points from the window ending at `end` (inclusive), in their original order.
    public func filter(_ points: [DayValue], endingAt end: Day) -> [DayValue] {
        guard let start = start(endingAt: end) else { return points.filter { $0.day <= end } }
        return points.filter { $0.day >= start && $0.day <= end }
    }
}
