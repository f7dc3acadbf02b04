/// Labels for the ticks of one value axis, all in one style and precision:
/// `7,000 … 11,000` (never `11k` beside `9,000`), `1.5 GB, 2.0 GB`, `75%, 80%`,
/// `0m, 5m, 10m` or `4m 30s, 5m 00s`. Negative values take the typographic minus.
enum TickLabels {
    /// One label per tick; `step` is the distance between ticks.
    static func labels(_ ticks: [Double], step: Double, formatter: ValueFormatter) -> [String] {
        let top = ticks.map(abs).max() ?? 0
        let body: (Double) -> String
        switch formatter.format {
        case .number:
            body = scaled(top: top, step: step, prefix: "")
        case .currency:
            body = scaled(top: top, step: step, prefix: formatter.currencySymbol)
        case .percent:
            let decimals = decimalsOf(step * 100)
            body = { NumberText.fixed($0 * 100, decimals: decimals, trim: false, group: true) + "%" }
        case .bytes:
            let units: [(Double, String)] = [(1, "B"), (1e3, "kB"), (1e6, "MB"), (1e9, "GB"), (1e12, "TB"), (1e15, "PB"), (1e18, "EB")]
            let (size, name) = units.last { $0.0 <= max(top, 1) } ?? (1, "B")
            let decimals = decimalsOf(step / size)
            body = { NumberText.fixed($0 / size, decimals: decimals, trim: false, group: true) + " " + name }
        case .duration:
            body = duration(top: top, step: step)
        }
        return ticks.map { value in
            let text = body(abs(value))
            return value < 0 && text.unicodeScalars.contains(where: { $0 >= "1" && $0 <= "9" }) ? "\u{2212}" + text : text
        }
    }

    /// Plain grouped numbers below a million (`12,000`), then `M`, `B`, `T` with one precision.
    private static func scaled(top: Double, step: Double, prefix: String) -> (Double) -> String {
        let size = top >= 1e12 ? 1e12 : top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : 1
        let suffix = size == 1e12 ? "T" : size == 1e9 ? "B" : size == 1e6 ? "M" : ""
        let decimals = decimalsOf(step / size)
        return { prefix + NumberText.fixed($0 / size, decimals: decimals, trim: false, group: true) + suffix }
    }

    /// The units of a duration, largest first.
    private static let durationUnits: [(Double, String)] = [(86_400, "d"), (3600, "h"), (60, "m"), (1, "s")]

    /// One unit when the step is a whole number of the axis' unit (`5m`, `10m`);
    /// otherwise every tick names the same units, the smaller zero-padded (`4m 30s`, `5m 00s`).
    private static func duration(top: Double, step: Double) -> (Double) -> String {
        if top < 1 || step < 1 {
            if top < 1 {
                let decimals = decimalsOf(step * 1000)
                return { NumberText.fixed($0 * 1000, decimals: decimals, trim: false) + "ms" }
            }
            let decimals = decimalsOf(step)
            return { NumberText.fixed($0, decimals: decimals, trim: false, group: true) + "s" }
        }
        // The largest unit the top tick holds twice: `0m … 60m`, but `0h … 3h`.
        let big = durationUnits.first { $0.0 * 2 <= top } ?? (1, "s")
        let small = durationUnits.first { $0.0 <= step && isWhole(step / $0.0) } ?? (1, "s")
        if small.0 >= big.0 {
            let decimals = decimalsOf(step / big.0)
            return { NumberText.fixed($0 / big.0, decimals: decimals, trim: false, group: true) + big.1 }
        }
        let parts = durationUnits.filter { $0.0 <= big.0 && $0.0 >= small.0 }
        return { value in
            var rest = (value / small.0).rounded() * small.0
            var out: [String] = []
            for (index, (size, name)) in parts.enumerated() {
                let whole = (rest / size + 1e-9).rounded(.down)
                rest -= whole * size
                let digits = NumberText.fixed(whole, decimals: 0, group: index == 0)
                out.append((index > 0 && digits.count < 2 ? "0" + digits : digits) + name)
            }
            return out.joined(separator: " ")
        }
    }

    private static func isWhole(_ x: Double) -> Bool {
        abs(x - x.rounded()) < 1e-9 * max(1, abs(x))
    }

    /// The decimals needed to write every multiple of `step` exactly (0 to 6).
    static func decimalsOf(_ step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        var scaled = step
        for decimals in 0...6 {
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
            scaled *= 10
        }
        return 6
    }
}
