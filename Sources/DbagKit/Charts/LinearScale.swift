import Foundation

/// Maps values to pixels with "nice" 1-2-5 ticks, like d3's `scaleLinear().nice()`.
///
/// Never produces NaN: an empty, single or all-equal domain is widened first.
public struct LinearScale: Sendable, Hashable {
    /// The value range, `lower < upper` always.
    public private(set) var lower: Double
    /// See `lower`.
    public private(set) var upper: Double
    /// Pixel position of `lower` (e.g. the bottom of the plot).
    public var rangeStart: Double
    /// Pixel position of `upper`.
    public var rangeEnd: Double

    /// A scale over `lower...upper`; a degenerate or non-finite domain is widened.
    public init(lower: Double, upper: Double, rangeStart: Double = 0, rangeEnd: Double = 1) {
        (self.lower, self.upper) = Self.widened(lower, upper)
        self.rangeStart = rangeStart.isFinite ? rangeStart : 0
        self.rangeEnd = rangeEnd.isFinite ? rangeEnd : 1
    }

    /// A scale fitted to `values` (non-finite ones ignored), extended to nice
    /// tick boundaries; `includeZero` for bars and areas.
    public static func fitting(_ values: [Double], includeZero: Bool = false, tickCount: Int = 5,
                               rangeStart: Double = 0, rangeEnd: Double = 1) -> LinearScale {
        let finite = values.filter(\.isFinite).map { min(max($0, -1e300), 1e300) }
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        var scale = LinearScale(lower: lo, upper: hi, rangeStart: rangeStart, rangeEnd: rangeEnd)
        scale.nice(tickCount: tickCount)
        return scale
    }

    /// The pixel position of `value`; non-finite values map to the range start.
    public func callAsFunction(_ value: Double) -> Double {
        guard value.isFinite else { return rangeStart }
        let t = (value - lower) / (upper - lower)
        let position = rangeStart + t * (rangeEnd - rangeStart)
        return position.isFinite ? position : rangeStart
    }

    /// Tick values inside the domain, about `count` of them, at 1, 2 or 5 × 10ⁿ.
    public func ticks(count: Int = 5) -> [Double] {
        Self.ticks(lower, upper, count: count)
    }

    /// Extends the domain outward to whole tick steps.
    public mutating func nice(tickCount: Int = 5) {
        for _ in 0..<10 {
            guard let step = Self.tickStep(lower, upper, count: tickCount) else { return }
            let lo = (lower / step).rounded(.down) * step
            let hi = (upper / step).rounded(.up) * step
            guard lo.isFinite, hi.isFinite else { return }
            if lo == lower && hi == upper { return }
            (lower, upper) = Self.widened(lo, hi)
        }
    }

    /// The 1-2-5 step for about `count` ticks over `lo...hi`; nil when none fits.
    public static func tickStep(_ lo: Double, _ hi: Double, count: Int) -> Double? {
        let span = hi - lo
        guard span.isFinite, span > 0, count > 0 else { return nil }
        let raw = span / Double(count)
        let power = pow(10, log10(raw).rounded(.down))
        guard power.isFinite, power > 0 else { return nil }
        let error = raw / power
        var step = power
        if error >= 50.0.squareRoot() { step *= 10 }
        else if error >= 10.0.squareRoot() { step *= 5 }
        else if error >= 2.0.squareRoot() { step *= 2 }
        return step.isFinite && step > 0 ? step : nil
    }

    /// Tick values in `lo...hi` (at most 1000).
    public static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        guard let step = tickStep(lo, hi, count: count) else { return lo.isFinite ? [lo] : [] }
        let first = (lo / step).rounded(.up)
        let last = (hi / step).rounded(.down)
        let n = last - first + 1
        guard n.isFinite, n >= 1, n <= 1000 else { return [] }
        // Dividing by the inverse of small steps avoids 0.30000000000000004.
        let inverse = step < 1 ? (1 / step).rounded() : 0
        return (0..<Int(n)).map { i in
            let k = first + Double(i)
            let value = inverse > 0 ? k / inverse : k * step
            return value == 0 ? 0 : value
        }
    }

    /// Makes `lower < upper` with finite bounds: one value gets ±10 % (or ±1 around 0).
    static func widened(_ a: Double, _ b: Double) -> (Double, Double) {
        var lo = a.isFinite ? min(max(a, -1e300), 1e300) : 0
        var hi = b.isFinite ? min(max(b, -1e300), 1e300) : lo + 1
        if lo > hi { swap(&lo, &hi) }
        let magnitude = max(abs(lo), abs(hi))
        if hi - lo <= magnitude * 1e-9 || hi - lo < 1e-300 {
            let mid = lo / 2 + hi / 2
            if mid == 0 { return (0, 1) }
            let pad = abs(mid) * 0.1
            return (mid - pad, mid + pad)
        }
        return (lo, hi)
    }
}
