/// How a comparison series (`compare=prior` or `compare=year`) is moved onto the chart's window.
public enum ComparisonShift: Sendable, Hashable {
    /// The previous period of the same length: `days` later.
    case days(Int)
    /// The same days a year before: one calendar year later (29 February lands on the 28th).
    case year

    /// Where a point of the earlier window is drawn.
    public func shifted(_ day: Day) -> Day {
        switch self {
        case .days(let n): return day.advanced(by: n)
        case .year: return Period.monthsBefore(day, -12)
        }
    }

    /// The day a drawn point was measured on.
    public func original(_ day: Day) -> Day {
        switch self {
        case .days(let n): return day.advanced(by: -n)
        case .year: return Period.monthsBefore(day, 12)
        }
    }

    /// The earlier window for the chart window `start...end`.
    public func window(_ start: Day, _ end: Day) -> ClosedRange<Day> {
        original(start)...original(end)
    }

    /// The comparison for `compare=prior|year` over `window`; nil for other words.
    public init?(_ word: String, window: ClosedRange<Day>) {
        switch word {
        case "prior": self = .days(window.upperBound.ordinal - window.lowerBound.ordinal + 1)
        case "year": self = .year
        default: return nil
        }
    }

    /// The legend's name: `previous 30 days` (for `last 30 days`), `a year before`.
    public func name(period: Period) -> String {
        switch self {
        case .year: return "a year before"
        case .days:
            let label = period.label
            return label.hasPrefix("last ") ? "previous " + label.dropFirst(5) : "previous period"
        }
    }
}
