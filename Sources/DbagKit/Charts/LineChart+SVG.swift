/// Drawing: layout, axes, grid and marks, written straight into one byte buffer.
extension LineChart {
    /// The plot area and scales for one rendering.
    struct Layout {
        var x: TimeScale
        /// The left axis, then the right one when series have two units.
        var axes: [ValueAxis]
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double

        /// The y pixel of `value` on axis `index`.
        func y(_ value: Double, axis index: Int = 0) -> Double {
            axes[axes.indices.contains(index) ? index : 0].scale(value)
        }
    }

    /// The `<svg>` element alone; nil when no series has a finite value.
    public func svg() -> String? {
        var out = SVGBytes()
        guard svg(Shared(self, tooltips: false), into: &out) else { return nil }
        return out.string
    }

    /// Writes the `<svg>` element into `out`, from what every rendering of this chart
    /// shares; false, writing nothing, when no series has a finite value.
    func svg(_ shared: Shared, into out: inout SVGBytes) -> Bool {
        let cleaned = shared.cleaned
        guard let (first, last) = Self.dayRange(cleaned) else { return false }
        let w = width.isFinite && width >= 120 ? width : 640
        let h = height.isFinite && height >= 80 ? height : 240
        let span = domain.map { (min($0.lowerBound, first), max($0.upperBound, last)) } ?? (first, last)
        let layout = makeLayout(cleaned, first: span.0, last: span.1, width: w, height: h)
        let prefix = safeID
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 ")
        out.n(w)
        out.raw(" ")
        out.n(h)
        out.raw("\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"")
        out.append(prefix)
        out.raw("-title ")
        out.append(prefix)
        out.raw("-desc\" font-size=\"")
        out.n(Self.fontSize)
        out.raw("\" font-family=\"system-ui, sans-serif\">")
        out.titleAndDescription(prefix: prefix, title: title, description: shared.summary)
        yAxes(layout, width: w, into: &out)
        xAxis(layout, into: &out)
        out.append(targetLines(layout))
        out.append(eventRules(shownEvents(from: span.0, to: span.1), layout: layout))
        for (i, points) in cleaned.enumerated() where !points.isEmpty {
            marks(points, index: i, layout: layout, shared: shared, into: &out)
        }
        out.raw("</svg>")
        return true
    }

    /// The first and last day of any series; nil when they are all empty.
    static func dayRange(_ cleaned: [[DayValue]]) -> (Day, Day)? {
        var range: (Day, Day)?
        for points in cleaned {
            for point in points {
                range = range.map { (min($0.0, point.day), max($0.1, point.day)) } ?? (point.day, point.day)
            }
        }
        return range
    }

    /// The font size of axis text, in viewBox units; the theme shows each rendering
    /// at no less than its viewBox width, so text never renders smaller.
    static let fontSize = 12.0

    func makeLayout(_ cleaned: [[DayValue]], first: Day, last: Day, width: Double, height: Double) -> Layout {
        let names = axisNames
        let top: Double = names.allSatisfy(\.isEmpty) ? 10 : 26
        let bottom = height - 24
        let tickCount = max(2, Int((bottom - top) / 45))
        var axes = axisFormatters.indices.map { axis in
            ValueAxis(values: zip(series, cleaned).enumerated().filter { axisIndex(of: $0.offset) == axis }.flatMap { $0.element.1.map(\.value) }
                        + targets.filter { axisIndex(of: $0.seriesIndex) == axis }.map(\.value),
                      formatter: axisFormatters[axis], includeZero: style == .bar || style == .area, count: tickCount)
        }
        let widths = axes.map { axis in axis.labels.map { SVG.textWidth($0, fontSize: Self.fontSize) }.max() ?? 12 }
        let left = max((widths.first ?? 12) + 10, 24).rounded(.up)
        let right = axes.count > 1 ? width - max(widths[1] + 10, 24).rounded(.up) : width - 16
        for index in axes.indices {
            axes[index].scale.rangeStart = bottom
            axes[index].scale.rangeEnd = top
        }
        let bucket = Double(max(1, rollup.next(after: rollup.bucket(of: last)).ordinal - rollup.bucket(of: last).ordinal))
        var x = TimeScale(start: first, end: last, rangeStart: left, rangeEnd: right,
                          padding: style == .bar ? bucket / 2 : 0)
        x.minimumInterval = rollup == .day ? .day : rollup == .week ? .week : .month
        return Layout(x: x, axes: axes, left: left, right: right, top: top, bottom: bottom)
    }

    /// Grid lines (left axis), tick labels and the unit label of each axis.
    func yAxes(_ layout: Layout, width: Double, into out: inout SVGBytes) {
        out.raw("<g class=\"grid\" stroke=\"currentColor\" stroke-width=\"1\">")
        if let axis = layout.axes.first {
            for (tick, _) in zip(axis.ticks, axis.labels) {
                let y = axis.scale(tick)
                out.raw("<line")
                out.attribute("x1", layout.left)
                out.attribute("x2", layout.right)
                out.attribute("y1", y)
                out.attribute("y2", y)
                out.raw("/>")
            }
        }
        out.raw("</g>")
        let names = axisNames
        for (index, axis) in layout.axes.enumerated() {
            let isLeft = index == 0
            out.raw(isLeft ? "<g class=\"axis y-axis y-left tabular\" fill=\"currentColor\" text-anchor=\"end\">"
                           : "<g class=\"axis y-axis y-right tabular\" fill=\"currentColor\" text-anchor=\"start\">")
            for (tick, label) in zip(axis.ticks, axis.labels) {
                out.raw("<text")
                out.attribute("x", isLeft ? layout.left - 6 : layout.right + 6)
                out.attribute("y", axis.scale(tick))
                out.raw(" dy=\"0.32em\">")
                out.escaped(label)
                out.raw("</text>")
            }
            out.raw("</g>")
            let name = names.indices.contains(index) ? names[index] : ""
            guard !name.isEmpty else { continue }
            if isLeft {
                out.raw("<text class=\"axis-label\" x=\"0\" y=\"12\" fill=\"currentColor\">↑ ")
                out.escaped(name)
            } else {
                out.raw("<text class=\"axis-label\"")
                out.attribute("x", width)
                out.raw(" y=\"12\" fill=\"currentColor\" text-anchor=\"end\">")
                out.escaped(name)
                out.raw(" ↑")
            }
            out.raw("</text>")
        }
    }

    /// The baseline (at zero when it is in view) and date ticks that never overlap.
    func xAxis(_ layout: Layout, into out: inout SVGBytes) {
        let scale = layout.axes[0].scale
        let zeroInView = scale.lower <= 0 && scale.upper >= 0
        let baseY = zeroInView ? scale(0) : layout.bottom
        out.raw("<line class=\"baseline\"")
        out.attribute("x1", layout.left)
        out.attribute("x2", layout.right)
        out.attribute("y1", baseY)
        out.attribute("y2", baseY)
        out.raw(" stroke=\"currentColor\"/><g class=\"axis x-axis\" fill=\"currentColor\" text-anchor=\"middle\">")
        var lastEdge = -Double.infinity
        for tick in layout.x.ticks(width: layout.right - layout.left) {
            let x = layout.x(tick.day)
            let half = SVG.textWidth(tick.label, fontSize: Self.fontSize) / 2
            guard x - half >= lastEdge + 6 else { continue }
            lastEdge = x + half
            out.raw("<line")
            out.attribute("x1", x)
            out.attribute("x2", x)
            out.attribute("y1", layout.bottom)
            out.attribute("y2", layout.bottom + 4)
            out.raw(" stroke=\"currentColor\"/><text")
            out.attribute("x", x)
            out.attribute("y", layout.bottom + 16)
            out.raw(">")
            out.escaped(tick.label)
            out.raw("</text>")
        }
        out.raw("</g>")
    }

    /// The marks of one series in a `<g class="series series-N">`.
    func marks(_ points: [DayValue], index: Int, layout: Layout, shared: Shared, into out: inout SVGBytes) {
        out.raw("<g class=\"series ")
        out.append(legendClass(index))
        out.raw("\">")
        if style == .bar {
            bars(points, index: index, layout: layout, shared: shared, into: &out)
            out.raw("</g>")
            return
        }
        let axis = axisIndex(of: index)
        let scale = layout.axes[min(axis, layout.axes.count - 1)].scale
        let runs = ChartSeries.segments(points, rollup: rollup)
        var line = SVGBytes(capacity: points.count * 12)
        var area = SVGBytes(capacity: style == .area ? points.count * 12 + 64 : 64)
        var base = SVGBytes(capacity: 16)
        base.n(layout.y(max(scale.lower, min(0, scale.upper)), axis: axis))
        for run in runs {
            guard let head = run.first, let tail = run.last else { continue }
            let start = line.count
            line.byte(UInt8(ascii: "M"))
            line.n(layout.x(head.day))
            line.byte(UInt8(ascii: ","))
            line.n(layout.y(head.value, axis: axis))
            for point in run.dropFirst() {
                line.byte(style == .step ? UInt8(ascii: "H") : UInt8(ascii: "L"))
                line.n(layout.x(point.day))
                line.byte(style == .step ? UInt8(ascii: "V") : UInt8(ascii: ","))
                line.n(layout.y(point.value, axis: axis))
            }
            if style == .area && run.count > 1 {
                area.byte(UInt8(ascii: "M"))
                area.n(layout.x(head.day))
                area.byte(UInt8(ascii: ","))
                area.append(base)
                area.byte(UInt8(ascii: "L"))
                area.append(line, from: start + 1)
                area.byte(UInt8(ascii: "L"))
                area.n(layout.x(tail.day))
                area.byte(UInt8(ascii: ","))
                area.append(base)
                area.byte(UInt8(ascii: "Z"))
            }
        }
        // Path data is digits, `.`, `-`, `,` and commands: nothing to escape.
        if area.count > 0 {
            out.raw("<path class=\"area\" d=\"")
            out.append(area)
            out.raw("\" fill=\"currentColor\" fill-opacity=\"0.15\"/>")
        }
        out.raw("<path class=\"line\" d=\"")
        out.append(line)
        out.raw("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"")
        if let dash = dash(index) {
            out.attribute("stroke-dasharray", dash)
        }
        out.raw("/>")
        let dense = points.count > 60 || (series.indices.contains(index) && series[index].comparison != nil)
        var start = 0
        for run in runs {
            defer { start += run.count }
            guard hoverTargets || !dense || run.count == 1 else { continue }
            for (offset, point) in run.enumerated() {
                let lone = run.count == 1
                out.raw(dense && !lone ? "<circle class=\"point dense\"" : "<circle class=\"point\"")
                out.attribute("cx", layout.x(point.day))
                out.attribute("cy", layout.y(point.value, axis: axis))
                out.raw(dense && !lone ? " r=\"3\" fill=\"currentColor\" fill-opacity=\"0\">" : " r=\"3\" fill=\"currentColor\">")
                if !shared.writeTip(series: index, point: start + offset, into: &out) {
                    out.append(SVG.title(tooltip(point, series: index)))
                }
                out.raw("</circle>")
            }
        }
        out.raw("</g>")
    }

    /// Grouped bars: each bucket split between the series, 80 % filled, never wider
    /// than a twelfth of the plot (one value is a bar, not a wall).
    func bars(_ points: [DayValue], index: Int, layout: Layout, shared: Shared, into out: inout SVGBytes) {
        let count = Double(max(series.count, 1))
        let axis = axisIndex(of: index)
        let scale = layout.axes[min(axis, layout.axes.count - 1)].scale
        let zero = scale(max(scale.lower, min(0, scale.upper)))
        let opacity = Self.barOpacity(index)
        for (at, point) in points.enumerated() {
            let bucketDays = Double(max(1, rollup.next(after: rollup.bucket(of: point.day)).ordinal - point.day.ordinal))
            let slot = min(bucketDays * layout.x.pixelsPerDay, (layout.right - layout.left) / 12) * 0.8
            let barWidth = max(slot / count, 1)
            let x = layout.x(point.day) - slot / 2 + Double(index) * barWidth
            let y = scale(point.value)
            out.raw("<rect class=\"bar\"")
            out.attribute("x", x)
            out.attribute("y", min(y, zero))
            out.attribute("width", barWidth)
            out.attribute("height", abs(zero - y))
            out.raw(" fill=\"currentColor\"")
            out.attribute("fill-opacity", opacity)
            out.raw(">")
            if !shared.writeTip(series: index, point: at, into: &out) {
                out.append(SVG.title(tooltip(point, series: index)))
            }
            out.raw("</rect>")
        }
    }

    /// `2024-03-04: 1,234 users`, prefixed with the series name when there are several.
    func tooltip(_ point: DayValue, series index: Int) -> String {
        let day = series.indices.contains(index) ? series[index].comparison.map { $0.original(point.day) } ?? point.day : point.day
        let text = rollup.label(day) + ": " + formatter(ofSeries: index).string(point.value)
        guard series.count > 1, series.indices.contains(index) else { return text }
        return series[index].name + ", " + text
    }
}
