/// Writes metric values for people: `1,234`, `12.3k`, `45.2%`, `3m 12s`, `1.2 GB`, `$12.3k`.
///
/// Negative values use the ASCII hyphen-minus `-` by default, so text copied from
/// tables and tooltips stays machine-readable; axis tick labels ask for the
/// typographic minus `−` (U+2212) with `minus: .typographic`.
/// Non-finite values (NaN, ±∞) are written `–` (en dash).
public struct ValueFormatter: Sendable, Hashable {
    /// Which character starts a negative value.
    public enum Minus: Sendable, Hashable {
        /// ASCII `-`: tables, tooltips, deltas.
        case hyphen
        /// U+2212 `−`: axis tick labels.
        case typographic
    }

    /// The metric's format.
    public var format: MetricFormat
    /// Appended to `number` values (`12.3k users`) when non-empty and asked for.
    public var unit: String
    /// The unit after a value written `1` (`1 deploy`).
    public var unitOne: String
    /// Prefix for `currency` values.
    public var currencySymbol: String

    /// A formatter for one metric; the singular unit defaults to `Plural.singular(of: unit)`.
    public init(format: MetricFormat = .number, unit: String = "", unitOne: String? = nil, currencySymbol: String = "$") {
        self.format = format
        self.unit = unit
        self.unitOne = unitOne ?? Plural.singular(of: unit)
        self.currencySymbol = currencySymbol
    }

    /// The unit that goes after `text`: singular after `1`, else the plural.
    public func unit(after text: String) -> String {
        text == "1" || text == "-1" || text == "\u{2212}1" ? unitOne : unit
    }

    /// The text for `value`; `withUnit: false` drops the unit (axis ticks).
    public func string(_ value: Double, withUnit: Bool = true, minus: Minus = .hyphen) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        var text: String
        switch format {
        case .number: text = Self.compact(magnitude)
        case .percent: text = Self.percent(magnitude * 100)
        case .duration: text = Self.duration(magnitude)
        case .bytes: text = Self.bytes(magnitude)
        case .currency: text = currencySymbol + Self.currency(magnitude)
        }
        if value < 0 && Self.hasNonZeroDigit(text) {
            text = (minus == .hyphen ? "-" : "\u{2212}") + text
        }
        if withUnit && format == .number && !unit.isEmpty {
            text += " " + unit(after: text)
        }
        return text
    }

    /// Whether values of both formatters read on one axis: same format, unit and symbol.
    public func sameUnit(as other: ValueFormatter) -> Bool {
        format == other.format && (format != .number || unit == other.unit)
            && (format != .currency || currencySymbol == other.currencySymbol)
    }

    // MARK: - Formats (all take a non-negative magnitude)

    /// A plain number below 10k with sensible decimals: `1,234`, `12.3`, `3.14`, `0.05`.
    static func plain(_ x: Double) -> String {
        NumberText.fixed(x, decimals: plainDecimals(x), group: true)
    }

    static func plainDecimals(_ x: Double) -> Int {
        if x >= 100 || x == 0 { return 0 }
        if x >= 10 { return 1 }
        if x >= 1 { return 2 }
        // Two significant digits for small fractions: 0.5, 0.012.
        var decimals = 2
        var threshold = 0.1
        while x < threshold && decimals < 6 {
            decimals += 1
            threshold /= 10
        }
        return decimals
    }

    /// `1,234` below 10k, then `12.3k`, `4.5M`, `1.2B`, `3.4T` (never `1,000k`); `1e18` beyond.
    static func compact(_ x: Double) -> String {
        if NumberText.rounded(x, decimals: plainDecimals(x)) < 10_000 { return plain(x) }
        return scaled(x, base: 1000, suffixes: ["k", "M", "B", "T"], separator: "", beyond: "")
    }

    /// Divides by `base` until the rounded figure stays below `base`; past the last
    /// suffix the value is one plain number in exponent form followed by `beyond`
    /// (`1e18`, `2.5e24 B`), never a suffix on a huge figure (`1e291B`).
    static func scaled(_ x: Double, base: Double, suffixes: [String], separator: String, beyond: String) -> String {
        var value = x
        for suffix in suffixes {
            value /= base
            let decimals = value < 100 ? 1 : 0
            if NumberText.rounded(value, decimals: decimals) < base {
                return NumberText.fixed(value, decimals: decimals, group: true) + separator + suffix
            }
        }
        return NumberText.scientific(x) + beyond
    }

    /// `45.2%`, `0.12%`, `1,250%` (input already multiplied by 100).
    static func percent(_ p: Double) -> String {
        let decimals = p > 0 && p < 1 ? 2 : 1
        return NumberText.fixed(p, decimals: decimals, group: true) + "%"
    }

    /// `450ms`, `45s`, `3m 12s`, `2h 5m`, `3d 4h`.
    static func duration(_ s: Double) -> String {
        if s == 0 { return "0s" }
        if NumberText.rounded(s * 1000, decimals: 0) < 1000 {
            return NumberText.fixed(s * 1000, decimals: s * 1000 < 1 ? 2 : 0) + "ms"
        }
        let seconds = NumberText.rounded(s, decimals: 0)
        if seconds < 60 { return NumberText.fixed(seconds, decimals: 0) + "s" }
        if seconds < 3600 { return pair(seconds, unit: 60, "m", "s") }
        let minutes = NumberText.rounded(s / 60, decimals: 0)
        if minutes < 24 * 60 { return pair(minutes, unit: 60, "h", "m") }
        let hours = NumberText.rounded(s / 3600, decimals: 0)
        return pair(hours, unit: 24, "d", "h")
    }

    /// `192, 60, "m", "s"` → `3m 12s`; drops a zero second part (`3m`).
    private static func pair(_ total: Double, unit: Double, _ big: String, _ small: String) -> String {
        let whole = (total / unit).rounded(.down)
        let rest = total - whole * unit
        let head = NumberText.fixed(whole, decimals: 0, group: true) + big
        return rest == 0 ? head : head + " " + NumberText.fixed(rest, decimals: 0) + small
    }

    /// `512 B`, `1.2 kB`, `340 MB`, `1.2 GB`, `3 TB`, `1 EB` (1000-based); `2.5e24 B` beyond.
    static func bytes(_ b: Double) -> String {
        if NumberText.rounded(b, decimals: 0) < 1000 { return NumberText.fixed(b, decimals: 0) + " B" }
        return scaled(b, base: 1000, suffixes: ["kB", "MB", "GB", "TB", "PB", "EB"], separator: " ", beyond: " B")
    }

    /// `1,234`, `12.50`, `0.99`, `12.3k` (without the symbol).
    static func currency(_ x: Double) -> String {
        if NumberText.rounded(x, decimals: 0) >= 10_000 { return compact(x) }
        let cents = NumberText.rounded(x, decimals: 2)
        if cents == cents.rounded() || x >= 100 { return NumberText.fixed(x, decimals: 0, group: true) }
        return NumberText.fixed(x, decimals: 2, trim: false, group: true)
    }

    private static func hasNonZeroDigit(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 >= "1" && $0 <= "9" }
    }
}
