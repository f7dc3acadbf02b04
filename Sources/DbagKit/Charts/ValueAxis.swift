import Foundation

/// One value (y) axis: a domain extended to whole steps, its ticks and their labels.
///
/// Steps suit the metric's format: 1-2-5 × 10ⁿ for numbers, money, percent and
/// bytes (1000-based, like their labels), round durations (30 s, 1 m, 5 m, 1 h…)
/// for durations, and never below 1 for counts (integer values of a `number`
/// metric). Every label of an axis has one style and precision (`TickLabels`).
public struct ValueAxis: Sendable, Hashable {
    /// The extended domain, mapped to pixels once the plot is laid out.
    public var scale: LinearScale
    /// Tick values, ascending.
    public var ticks: [Double]
    /// One label per tick.
    public var labels: [String]
    /// The distance between ticks.
    public var step: Double

    /// An axis fitted to `values` (non-finite ones ignored) with about `count` ticks.
    public init(values: [Double], formatter: ValueFormatter, includeZero: Bool = false, count: Int = 5) {
        let finite = values.filter(\.isFinite).map { min(max($0, -1e300), 1e300) }
        let integer = formatter.format == .number && !finite.isEmpty && finite.allSatisfy { $0 == $0.rounded() }
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        if integer && hi - lo < 1 {
            (lo, hi) = lo == 0 && hi == 0 ? (0, 1) : (lo - 1, hi + 1)
        }
        (lo, hi) = LinearScale.widened(lo, hi)
        let count = max(2, count)
        var step = Self.step(lo, hi, count: count, format: formatter.format, integer: integer)
        var niceLo = lo, niceHi = hi
        for _ in 0..<3 {
            niceLo = (lo / step).rounded(.down) * step
            niceHi = (hi / step).rounded(.up) * step
            let next = Self.step(niceLo, niceHi, count: count, format: formatter.format, integer: integer)
            if next == step { break }
            step = next
        }
        if !(niceLo.isFinite && niceHi.isFinite && niceHi > niceLo) { (niceLo, niceHi) = (lo, hi) }
        scale = LinearScale(lower: niceLo, upper: niceHi)
        ticks = Self.multiples(of: step, from: scale.lower, to: scale.upper)
        labels = TickLabels.labels(ticks, step: step, formatter: formatter)
        self.step = step
    }

    /// A step for about `count` ticks over `lo...hi` from the format's ladder.
    static func step(_ lo: Double, _ hi: Double, count: Int, format: MetricFormat, integer: Bool) -> Double {
        let span = hi - lo
        guard span.isFinite, span > 0 else { return 1 }
        if format == .duration, span / Double(count) >= 1 {
            let raw = span / Double(count)
            let ladder = durationSteps
            if let last = ladder.last, raw > last * 1.5 {
                return (LinearScale.tickStep(0, raw * Double(count) / 86_400, count: count) ?? 1) * 86_400
            }
            // The first round step at least as long as the raw one: fewer, rounder ticks.
            return ladder.first { $0 >= raw * 0.999 } ?? raw
        }
        let step = LinearScale.tickStep(lo, hi, count: count) ?? span
        return integer ? max(step, 1) : step
    }

    /// Round durations in seconds: 1 s … 30 s, 1 m … 30 m, 1 h … 12 h, 1 d, 2 d, 7 d, 14 d, 30 d.
    static let durationSteps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                                          3600, 7200, 10800, 21600, 43200, 86400, 172_800, 604_800, 1_209_600, 2_592_000]

    /// `k × step` for every whole `k` with the product in `lo...hi` (at most 1000), exact for decimal steps.
    static func multiples(of step: Double, from lo: Double, to hi: Double) -> [Double] {
        guard step.isFinite, step > 0 else { return [] }
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        let n = last - first + 1
        guard n.isFinite, n >= 1, n <= 1000 else { return [] }
        let inverse = step < 1 ? (1 / step).rounded() : 0
        let exactInverse = inverse > 0 && abs(1 / inverse - step) < step * 1e-9
        return (0..<Int(n)).map { i in
            let k = first + Double(i)
            let value = exactInverse ? k / inverse : k * step
            return value == 0 ? 0 : value
        }
    }
}
