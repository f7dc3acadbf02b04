/// A change between two values, ready to show: `▲ +12.3%`, `▼ -4`, `● 0%`, `▲ +1.2 pp`.
///
/// The text always carries an arrow and a sign so it never relies on colour;
/// `cssClass` (`good`, `bad`, `neutral`) adds colour on top.
public struct Delta: Sendable, Hashable {
    /// Which way the value moved (after rounding to what is shown).
    public enum Direction: String, Sendable, Hashable {
        /// Higher, lower, or the same as shown.
        case up, down, flat
    }

    /// `current - previous` (0 when either is not finite).
    public var absolute: Double
    /// `(current - previous) / |previous|`; nil when previous is 0 or a value is not finite.
    public var relative: Double?
    /// Up, down or flat.
    public var direction: Direction
    /// The text to show, e.g. `▲ +12.3%`; `–` when a value is missing.
    public var text: String
    /// `good`, `bad` or `neutral`, from the metric's good direction.
    public var cssClass: String

    /// A delta with all parts given.
    public init(absolute: Double, relative: Double?, direction: Direction, text: String, cssClass: String) {
        self.absolute = absolute
        self.relative = relative
        self.direction = direction
        self.text = text
        self.cssClass = cssClass
    }

    /// `▲`, `▼` or `●`.
    public var arrow: String {
        switch direction {
        case .up: return "▲"
        case .down: return "▼"
        case .flat: return "●"
        }
    }

    /// Compares `current` with `previous`.
    ///
    /// Percent metrics change in percentage points (`+1.2 pp`); other formats show
    /// the relative change (`+12.3%`), or the absolute change formatted like the
    /// metric (`+4`, `+3m 12s`) when `previous` is 0.
    /// `relativeDecimals` fixes the decimals of a relative change and keeps trailing zeros (`-2.0%`
    /// beside `+10.5%`, `+10.0 pp` beside `+2.5 pp` in a table column); by default a relative change
    /// has 1 decimal below 100 % and none above, trailing zeros dropped.
    public static func between(_ current: Double, _ previous: Double, format: MetricFormat,
                               good: GoodDirection = .up, unit: String = "", relativeDecimals: Int? = nil) -> Delta {
        guard current.isFinite, previous.isFinite else {
            return Delta(absolute: 0, relative: nil, direction: .flat, text: "–", cssClass: "neutral")
        }
        let change = current - previous
        let absolute = change.isFinite ? change : 0
        let relative: Double? = previous == 0 ? nil : absolute / abs(previous)
        let magnitude: String
        if format == .percent {
            magnitude = NumberText.fixed(abs(absolute) * 100, decimals: 1, trim: relativeDecimals == nil, group: true) + " pp"
        } else if let relative, relative.isFinite {
            magnitude = NumberText.fixed(abs(relative) * 100, decimals: relativeDecimals ?? (abs(relative) < 1 ? 1 : 0),
                                         trim: relativeDecimals == nil, group: true) + "%"
        } else {
            magnitude = ValueFormatter(format: format, unit: unit).string(abs(absolute), withUnit: false)
        }
        let shownAsZero = !magnitude.unicodeScalars.contains { $0 >= "1" && $0 <= "9" }
        let direction: Direction = shownAsZero || absolute == 0 ? .flat : (absolute > 0 ? .up : .down)
        let sign: String
        switch direction {
        case .up: sign = "+"
        case .down: sign = "-"
        case .flat: sign = ""
        }
        let delta = Delta(absolute: absolute, relative: relative, direction: direction,
                          text: "", cssClass: cssClass(direction, good: good))
        return Delta(absolute: absolute, relative: relative, direction: direction,
                     text: delta.arrow + " " + sign + magnitude, cssClass: delta.cssClass)
    }

    private static func cssClass(_ direction: Direction, good: GoodDirection) -> String {
        switch (direction, good) {
        case (.flat, _), (_, .neutral): return "neutral"
        case (.up, .up), (.down, .down): return "good"
        default: return "bad"
        }
    }
}

extension ValueFormatter {
    /// The change from `previous` to `current` as a `Delta` (see `Delta.between`).
    public static func formatDelta(_ current: Double, _ previous: Double, format: MetricFormat,
                                   good: GoodDirection = .up) -> Delta {
        Delta.between(current, previous, format: format, good: good)
    }
}
