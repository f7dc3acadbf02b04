/// Values that stand together (a table column) in one style and precision:
/// `$22.4k, $14.0k, $8.6k`, not `$22.4k, $14k, $8,612`.
extension ValueFormatter {
    /// The text of each value, styled by the column's largest magnitude; the unit
    /// (singular after `1`) only when `withUnit`.
    public func columnStrings(_ values: [Double], withUnit: Bool = true) -> [String] {
        let finite = values.filter(\.isFinite).map(abs)
        let top = finite.max() ?? 0
        let integral = finite.allSatisfy { $0 == $0.rounded() }
        let body: (Double) -> String
        switch format {
        case .number:
            body = Self.columnNumber(top: top, integral: integral, prefix: "")
        case .currency:
            let cents = finite.contains { NumberText.rounded($0, decimals: 2) != NumberText.rounded($0, decimals: 0) }
            body = top < 10_000 && cents
                ? { self.currencySymbol + NumberText.fixed($0, decimals: 2, trim: false, group: true) }
                : Self.columnNumber(top: top, integral: true, prefix: currencySymbol)
        case .percent:
            let decimals = finite.contains { $0 > 0 && $0 * 100 < 1 } ? 2 : 1
            body = { NumberText.fixed($0 * 100, decimals: decimals, trim: false, group: true) + "%" }
        case .bytes:
            let units: [(Double, String)] = [(1, "B"), (1e3, "kB"), (1e6, "MB"), (1e9, "GB"), (1e12, "TB"), (1e15, "PB"), (1e18, "EB")]
            let (size, name) = units.last { NumberText.rounded(top, decimals: 0) >= $0.0 } ?? (1, "B")
            let decimals = size == 1 || top / size >= 100 ? 0 : 1
            body = { NumberText.fixed($0 / size, decimals: decimals, trim: false, group: true) + " " + name }
        case .duration:
            body = { Self.duration($0) }
        }
        return values.map { value in
            guard value.isFinite else { return "–" }
            var text = body(abs(value))
            if value < 0 && text.unicodeScalars.contains(where: { $0 >= "1" && $0 <= "9" }) { text = "-" + text }
            if withUnit && format == .number && !unit.isEmpty { text += " " + unit(after: text) }
            return text
        }
    }

    /// Plain below 10k (`8,612`, decimals only when some value has them), else one suffix for all (`22.4k`, `8.6k`).
    private static func columnNumber(top: Double, integral: Bool, prefix: String) -> (Double) -> String {
        let scales: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        if NumberText.rounded(top, decimals: 0) < 10_000 {
            let decimals = integral ? 0 : plainDecimals(top)
            return { prefix + NumberText.fixed($0, decimals: decimals, trim: false, group: true) }
        }
        let (size, suffix) = scales.first { NumberText.rounded(top / $0.0, decimals: 1) >= 1 } ?? (1e3, "k")
        let decimals = NumberText.rounded(top / size, decimals: 1) < 100 ? 1 : 0
        return { prefix + NumberText.fixed($0 / size, decimals: decimals, trim: false, group: true) + suffix }
    }
}
