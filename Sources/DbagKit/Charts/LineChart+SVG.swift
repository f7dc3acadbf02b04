/// Drawing: layout, axes, grid and marks.
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
        svg(Shared(self, tooltips: false))
    }

    /// `svg()` from what every rendering of this chart shares.
    func svg(_ shared: Shared) -> String? {
        let cleaned = shared.cleaned
        let days = cleaned.flatMap { $0.map(\.day) }
        guard let first = days.min(), let last = days.max() else { return nil }
        let w = width.isFinite && width >= 120 ? width : 640
        let h = height.isFinite && height >= 80 ? height : 240
        let span = domain.map { (min($0.lowerBound, first), max($0.upperBound, last)) } ?? (first, last)
        let layout = makeLayout(cleaned, first: span.0, last: span.1, width: w, height: h)
        let prefix = safeID
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(h))\""
        out += " preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\""
        out += " font-size=\"\(SVG.n(Self.fontSize))\" font-family=\"system-ui, sans-serif\">"
        out += "<title id=\"\(prefix)-title\">" + HTML.escape(title) + "</title>"
        out += "<desc id=\"\(prefix)-desc\">" + HTML.escape(shared.summary) + "</desc>"
        out += yAxes(layout, width: w)
        out += xAxis(layout)
        out += targetLines(layout)
        out += eventRules(shownEvents(from: span.0, to: span.1), layout: layout)
        for (i, points) in cleaned.enumerated() where !points.isEmpty {
            out += marks(points, index: i, layout: layout, shared: shared)
        }
        return out + "</svg>"
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
    func yAxes(_ layout: Layout, width: Double) -> String {
        var grid = ""
        var out = ""
        let names = axisNames
        for (index, axis) in layout.axes.enumerated() {
            let isLeft = index == 0
            var labels = ""
            for (tick, label) in zip(axis.ticks, axis.labels) {
                let y = SVG.n(axis.scale(tick))
                if isLeft {
                    grid += SVG.element("line", ["x1": SVG.n(layout.left), "x2": SVG.n(layout.right), "y1": y, "y2": y])
                }
                labels += SVG.element("text", ["x": SVG.n(isLeft ? layout.left - 6 : layout.right + 6), "y": y, "dy": "0.32em"],
                                      HTML.escape(label))
            }
            out += "<g class=\"axis y-axis \(isLeft ? "y-left" : "y-right") tabular\" fill=\"currentColor\" text-anchor=\"\(isLeft ? "end" : "start")\">"
                + labels + "</g>"
            let name = names.indices.contains(index) ? names[index] : ""
            if !name.isEmpty {
                out += isLeft
                    ? SVG.element("text", ["class": "axis-label", "x": "0", "y": "12", "fill": "currentColor"], "↑ " + HTML.escape(name))
                    : SVG.element("text", ["class": "axis-label", "x": SVG.n(width), "y": "12", "fill": "currentColor",
                                           "text-anchor": "end"], HTML.escape(name) + " ↑")
            }
        }
        return "<g class=\"grid\" stroke=\"currentColor\" stroke-width=\"1\">" + grid + "</g>" + out
    }

    /// The baseline (at zero when it is in view) and date ticks that never overlap.
    func xAxis(_ layout: Layout) -> String {
        let scale = layout.axes[0].scale
        let zeroInView = scale.lower <= 0 && scale.upper >= 0
        let baseY = SVG.n(zeroInView ? scale(0) : layout.bottom)
        var out = SVG.element("line", ["class": "baseline", "x1": SVG.n(layout.left), "x2": SVG.n(layout.right),
                                       "y1": baseY, "y2": baseY, "stroke": "currentColor"])
        var labels = ""
        var lastEdge = -Double.infinity
        for tick in layout.x.ticks(width: layout.right - layout.left) {
            let x = layout.x(tick.day)
            let half = SVG.textWidth(tick.label, fontSize: Self.fontSize) / 2
            guard x - half >= lastEdge + 6 else { continue }
            lastEdge = x + half
            labels += SVG.element("line", ["x1": SVG.n(x), "x2": SVG.n(x), "y1": SVG.n(layout.bottom),
                                           "y2": SVG.n(layout.bottom + 4), "stroke": "currentColor"])
            labels += SVG.element("text", ["x": SVG.n(x), "y": SVG.n(layout.bottom + 16)], HTML.escape(tick.label))
        }
        out += "<g class=\"axis x-axis\" fill=\"currentColor\" text-anchor=\"middle\">" + labels + "</g>"
        return out
    }

    /// The marks of one series in a `<g class="series series-N">`.
    func marks(_ points: [DayValue], index: Int, layout: Layout, shared: Shared) -> String {
        var out = "<g class=\"series \(legendClass(index))\">"
        if style == .bar {
            out += bars(points, index: index, layout: layout, shared: shared)
            return out + "</g>"
        }
        let axis = axisIndex(of: index)
        let y = { (value: Double) in layout.y(value, axis: axis) }
        let scale = layout.axes[min(axis, layout.axes.count - 1)].scale
        let runs = ChartSeries.segments(points, rollup: rollup)
        var line = ""
        var area = ""
        let base = SVG.n(y(max(scale.lower, min(0, scale.upper))))
        for run in runs {
            guard let head = run.first, let tail = run.last else { continue }
            var d = "M" + SVG.n(layout.x(head.day)) + "," + SVG.n(y(head.value))
            d.reserveCapacity(run.count * 14)
            for point in run.dropFirst() {
                d += style == .step ? "H" : "L"
                d += SVG.n(layout.x(point.day))
                d += style == .step ? "V" : ","
                d += SVG.n(y(point.value))
            }
            line += d
            if style == .area && run.count > 1 {
                area += "M" + SVG.n(layout.x(head.day)) + "," + base + "L" + d.dropFirst()
                    + "L" + SVG.n(layout.x(tail.day)) + "," + base + "Z"
            }
        }
        if !area.isEmpty {
            out += SVG.element("path", ["class": "area", "d": area, "fill": "currentColor", "fill-opacity": "0.15"])
        }
        var lineAttributes: KeyValuePairs<String, String> = ["class": "line", "d": line, "fill": "none",
                                                             "stroke": "currentColor", "stroke-width": "2"]
        if let dash = dash(index) {
            lineAttributes = ["class": "line", "d": line, "fill": "none", "stroke": "currentColor",
                              "stroke-width": "2", "stroke-dasharray": dash]
        }
        out += SVG.element("path", lineAttributes)
        let dense = points.count > 60 || (series.indices.contains(index) && series[index].comparison != nil)
        var start = 0
        for run in runs {
            defer { start += run.count }
            guard hoverTargets || !dense || run.count == 1 else { continue }
            for (offset, point) in run.enumerated() {
                let lone = run.count == 1
                let tip = shared.tip(series: index, point: start + offset) ?? SVG.title(tooltip(point, series: index))
                out += dense && !lone
                    ? SVG.element("circle", ["class": "point dense", "cx": SVG.n(layout.x(point.day)),
                                             "cy": SVG.n(y(point.value)), "r": "3", "fill": "currentColor",
                                             "fill-opacity": "0"], tip)
                    : SVG.element("circle", ["class": "point", "cx": SVG.n(layout.x(point.day)),
                                             "cy": SVG.n(y(point.value)), "r": "3", "fill": "currentColor"], tip)
            }
        }
        return out + "</g>"
    }

    /// Grouped bars: each bucket split between the series, 80 % filled, never wider
    /// than a twelfth of the plot (one value is a bar, not a wall).
    func bars(_ points: [DayValue], index: Int, layout: Layout, shared: Shared) -> String {
        let count = Double(max(series.count, 1))
        let axis = axisIndex(of: index)
        let scale = layout.axes[min(axis, layout.axes.count - 1)].scale
        let zero = scale(max(scale.lower, min(0, scale.upper)))
        var out = ""
        for (at, point) in points.enumerated() {
            let bucketDays = Double(max(1, rollup.next(after: rollup.bucket(of: point.day)).ordinal - point.day.ordinal))
            let slot = min(bucketDays * layout.x.pixelsPerDay, (layout.right - layout.left) / 12) * 0.8
            let barWidth = max(slot / count, 1)
            let x = layout.x(point.day) - slot / 2 + Double(index) * barWidth
            let y = scale(point.value)
            out += SVG.element("rect", ["class": "bar", "x": SVG.n(x), "y": SVG.n(min(y, zero)),
                                        "width": SVG.n(barWidth), "height": SVG.n(abs(zero - y)),
                                        "fill": "currentColor", "fill-opacity": Self.barOpacity(index)],
                               shared.tip(series: index, point: at) ?? SVG.title(tooltip(point, series: index)))
        }
        return out
    }

    /// `2024-03-04: 1,234 users`, prefixed with the series name when there are several.
    func tooltip(_ point: DayValue, series index: Int) -> String {
        let day = series.indices.contains(index) ? series[index].comparison.map { $0.original(point.day) } ?? point.day : point.day
        let text = rollup.label(day) + ": " + formatter(ofSeries: index).string(point.value)
        guard series.count > 1, series.indices.contains(index) else { return text }
        return series[index].name + ", " + text
    }
}
