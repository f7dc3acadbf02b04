/// A word-sized line without axes (Tufte): last point marked, min and max optional,
/// gaps for missing buckets. Colours come from CSS classes (`spark-line`, `spark-last`, …).
public struct Sparkline: Sendable {
    /// How big the sparkline is.
    public enum Size: Sendable, Hashable {
        /// 100 × 24 px, class `sparkline`, for panels and tables.
        case block
        /// 60 × 16 user units sized `3.75em × 1em` to sit inside a line of text, class `spark`.
        case inline
    }

    /// The values.
    public var points: [DayValue]
    /// Block or inline.
    public var size: Size
    /// Name used in the `<title>` summary, e.g. the metric name.
    public var name: String
    /// Formats the summary's values.
    public var formatter: ValueFormatter
    /// Bucket size, for gaps.
    public var rollup: Rollup
    /// Also mark the lowest and highest points.
    public var showMinMax: Bool

    /// A sparkline; only `points` and `name` are required.
    public init(points: [DayValue], name: String, size: Size = .block, formatter: ValueFormatter = ValueFormatter(),
                rollup: Rollup = .day, showMinMax: Bool = false) {
        self.points = points
        self.name = name
        self.size = size
        self.formatter = formatter
        self.rollup = rollup
        self.showMinMax = showMinMax
    }

    /// `Signups: 120 → 340 (min 98, max 351)`, or `Signups: no data`.
    public var summary: String {
        let cleaned = ChartSeries(name: name, points: points).cleaned
        let values = cleaned.map(\.value)
        guard let first = values.first, let last = values.last, let lo = values.min(), let hi = values.max() else {
            return name + ": no data"
        }
        if values.count == 1 { return name + ": " + formatter.string(first) }
        return name + ": " + formatter.string(first) + " → " + formatter.string(last)
            + " (min " + formatter.string(lo) + ", max " + formatter.string(hi) + ")"
    }

    /// The SVG; `<span class="spark-empty">no data</span>` without points, `1 value` for one.
    public func render() -> String {
        let cleaned = ChartSeries(name: name, points: points).cleaned
        let cssClass = size == .block ? "sparkline" : "spark"
        guard !cleaned.isEmpty else {
            return "<span class=\"\(cssClass) spark-empty\">no data</span>"
        }
        if cleaned.count == 1 {
            // A lone dot says nothing; say how much there is instead.
            return "<span class=\"\(cssClass) spark-empty spark-one\" title=\"\(HTML.escape(summary))\">1 value</span>"
        }
        let (w, h) = size == .block ? (100.0, 24.0) : (60.0, 16.0)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(h))\""
        out += size == .block ? " width=\"100\" height=\"24\"" : " width=\"3.75em\" height=\"1em\""
        out += " role=\"img\">" + SVG.title(summary)
        out += Self.drawing(cleaned, width: w, height: h, rollup: rollup, showMinMax: showMinMax)
        return out + "</svg>"
    }

    /// The marks alone (path and dots) inside a `width × height` box; shared with `Badge`.
    static func drawing(_ cleaned: [DayValue], width: Double, height: Double, rollup: Rollup,
                        showMinMax: Bool, inset: Double = 2) -> String {
        guard let first = cleaned.first, let last = cleaned.last else { return "" }
        let x = TimeScale(start: first.day, end: last.day, rangeStart: inset, rangeEnd: width - inset)
        var lowest = first.value, highest = first.value
        for point in cleaned {
            lowest = min(lowest, point.value)
            highest = max(highest, point.value)
        }
        let y = LinearScale(lower: lowest, upper: highest, rangeStart: height - inset, rangeEnd: inset)
        var out = SVGBytes(capacity: 64 + cleaned.count * 12)
        var lone = SVGBytes(capacity: 64)
        out.raw("<path class=\"spark-line\" d=\"")
        for run in ChartSeries.segments(cleaned, rollup: rollup) {
            for (i, point) in run.enumerated() {
                out.byte(i == 0 ? UInt8(ascii: "M") : UInt8(ascii: "L"))
                out.n(x(point.day))
                out.byte(UInt8(ascii: ","))
                out.n(y(point.value))
            }
            // A point between two gaps has no line; give it a dot so it is not lost.
            if run.count == 1, let point = run.first, point != last {
                lone.raw("<circle class=\"spark-point\"")
                lone.attribute("cx", x(point.day))
                lone.attribute("cy", y(point.value))
                lone.raw(" r=\"1\" fill=\"currentColor\"/>")
            }
        }
        out.raw("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
        if showMinMax, cleaned.count > 2,
           let lo = cleaned.min(by: { $0.value < $1.value }), let hi = cleaned.max(by: { $0.value < $1.value }) {
            dot(lo, "spark-min", x, y, into: &out)
            dot(hi, "spark-max", x, y, into: &out)
        }
        out.append(lone)
        dot(last, "spark-last", x, y, into: &out)
        return out.string
    }

    private static func dot(_ point: DayValue, _ cssClass: StaticString, _ x: TimeScale, _ y: LinearScale, into out: inout SVGBytes) {
        out.raw("<circle class=\"")
        out.raw(cssClass)
        out.raw("\"")
        out.attribute("cx", x(point.day))
        out.attribute("cy", y(point.value))
        out.raw(" r=\"1.75\" fill=\"currentColor\"/>")
    }
}
