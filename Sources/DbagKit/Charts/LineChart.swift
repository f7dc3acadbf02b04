/// A time-series chart (line, area, bar or step) of one or more series as inline SVG,
/// with nice axes, a light grid, a legend for several series, tooltips on every
/// point and an accessible data table.
///
/// Colours come only from CSS (`series-1` … `series-6` classes setting `color`,
/// marks drawn in `currentColor`); see `ChartCSS`.
public struct LineChart: Sendable, Hashable {
    /// How values are drawn.
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// A line, a filled area to zero, grouped bars from zero, or a step-after line.
        case line, area, bar, step
    }

    /// Prefix of every id in the output; unique per page (sanitised to `[A-Za-z0-9_-]`).
    public var id: String
    /// What the chart shows, e.g. the metric name; the SVG `<title>`.
    public var title: String
    /// The series, drawn in order with classes `series-1`, `series-2`, …
    public var series: [ChartSeries]
    /// Line, area, bar or step.
    public var style: Style
    /// Formats tooltips, table and (without unit, with `−`) the y ticks.
    public var formatter: ValueFormatter
    /// The bucket size of the points, for gaps, bar widths and labels.
    public var rollup: Rollup
    /// Words for the period in the summary, e.g. `last 90 days` (`Period.label`).
    public var periodLabel: String?
    /// Text above the y axis; defaults to the unit, none when empty.
    public var yLabel: String?
    /// The viewBox size; the SVG scales to its container's width.
    public var width: Double
    /// See `width`.
    public var height: Double
    /// What to say when there is nothing to draw; a default sentence when nil.
    public var emptyMessage: String?
    /// The days the x axis spans (the requested period), whatever data exists;
    /// nil spans the data. Points outside it still widen it.
    public var domain: ClosedRange<Day>?
    /// Whether dense series get invisible hover targets with tooltips; off for
    /// renderings meant for touch screens, where nothing hovers.
    public var hoverTargets = true
    /// Events to mark with a rule; those outside the drawn days are left out.
    public var events: [ChartEvent] = []
    /// Reference lines (targets), always inside the y domain.
    public var targets: [ChartTarget] = []

    /// A chart; only `id`, `title` and `series` are required.
    public init(id: String, title: String, series: [ChartSeries], style: Style = .line,
                formatter: ValueFormatter = ValueFormatter(), rollup: Rollup = .day,
                periodLabel: String? = nil, yLabel: String? = nil, width: Double = 640, height: Double = 240,
                emptyMessage: String? = nil) {
        self.id = id
        self.title = title
        self.series = series
        self.style = style
        self.formatter = formatter
        self.rollup = rollup
        self.periodLabel = periodLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
        self.emptyMessage = emptyMessage
    }

    /// The whole chart as HTML: `<figure class="chart">` with legend, SVG and data table,
    /// or `<p class="chart-empty">…</p>` when no series has a value.
    public func render() -> String {
        guard let svg = svg() else {
            return "<p class=\"chart-empty\">" + HTML.escape(emptyText) + "</p>"
        }
        return "<figure class=\"chart chart-\(style.rawValue)\" id=\"\(safeID)\">" + legend() + svg + dataTable() + "</figure>"
    }

    /// Whether any series has a finite value: whether `svg()` draws anything (without drawing it).
    public var hasData: Bool {
        series.contains { $0.points.contains { $0.value.isFinite } }
    }

    /// The sentence shown instead of an empty chart.
    public var emptyText: String {
        if let emptyMessage { return emptyMessage }
        if let periodLabel { return "No data for \(title) (\(periodLabel))." }
        return "No data for \(title) in this period."
    }

    /// A short text alternative: `Signups, last 90 days: from 120 to 340, min 98, max 351.`
    public var summary: String {
        summary(of: series.map(\.cleaned))
    }

    /// `summary` from the series already cleaned.
    func summary(of cleaned: [[DayValue]]) -> String {
        let head = title + (periodLabel.map { ", " + $0 } ?? "")
        if series.count == 1, let points = cleaned.first {
            return head + ": " + Self.describe(points, formatter(ofSeries: 0)) + "."
        }
        let parts = zip(series, cleaned).enumerated().map { $1.0.name + " " + Self.describe($1.1, formatter(ofSeries: $0)) }
        return head + ": " + parts.joined(separator: "; ") + "."
    }

    /// `from 120 to 340, min 98, max 351`, or `no data`.
    static func describe(_ points: [DayValue], _ formatter: ValueFormatter) -> String {
        let values = points.map(\.value)
        guard let first = values.first, let last = values.last, let lo = values.min(), let hi = values.max() else {
            return "no data"
        }
        if values.count == 1 { return formatter.string(first) + " on " + (points.first?.day.description ?? "") }
        return "from " + formatter.string(first) + " to " + formatter.string(last)
            + ", min " + formatter.string(lo) + ", max " + formatter.string(hi)
    }

    /// The id prefix with anything but `[A-Za-z0-9_-]` replaced by `-`.
    var safeID: String { SVG.safeID(id) }

    /// A legend (HTML list with a swatch per series showing its dash pattern); empty for one series.
    public func legend() -> String {
        guard series.count > 1 else { return "" }
        var out = "<ul class=\"chart-legend\">"
        for (i, s) in series.enumerated() {
            let line = style == .bar
                ? SVG.element("rect", ["x": "0", "y": "0", "width": "16", "height": "10", "fill": "currentColor",
                                       "fill-opacity": Self.barOpacity(i)])
                : SVG.element("line", ["x1": "0", "y1": "5", "x2": "16", "y2": "5", "stroke": "currentColor",
                                       "stroke-width": "2", "stroke-dasharray": dash(i) ?? "none"])
            let swatch = SVG.element("svg", ["class": "swatch", "viewBox": "0 0 16 10", "width": "16", "height": "10",
                                             "aria-hidden": "true"], line)
            var note = ""
            if axisFormatters.count > 1 {
                let side = axisIndex(of: i) == 0 ? "left axis" : "right axis"
                let name = axisNames[axisIndex(of: i)]
                note = " <span class=\"legend-axis\">(" + side + (name.isEmpty || name == s.name ? "" : ", " + HTML.escape(name)) + ")</span>"
            }
            out += "<li class=\"\(legendClass(i))\">" + swatch + " " + HTML.escape(s.name) + note + "</li>"
        }
        return out + "</ul>"
    }

    /// Fill opacity of the n-th series' bars, so grouped bars differ without colour.
    static func barOpacity(_ index: Int) -> String {
        ["1", "0.6", "0.35", "0.8", "0.5", "0.25"][index % 6]
    }

    /// The formatter of the n-th series: its own, or the chart's.
    func formatter(ofSeries index: Int) -> ValueFormatter {
        (series.indices.contains(index) ? series[index].formatter : nil) ?? formatter
    }

    /// One formatter per y axis: the first series' (left), then the first that writes
    /// values differently (right). A chart has two y axes at most.
    var axisFormatters: [ValueFormatter] {
        let left = formatter(ofSeries: 0)
        guard let other = series.indices.map({ formatter(ofSeries: $0) }).first(where: { !$0.sameUnit(as: left) }) else {
            return [left]
        }
        return [left, other]
    }

    /// 0 for the left y axis, 1 for the right one.
    func axisIndex(of seriesIndex: Int) -> Int {
        axisFormatters.count > 1 && !formatter(ofSeries: seriesIndex).sameUnit(as: axisFormatters[0]) ? 1 : 0
    }

    /// What each y axis is labelled with: `yLabel` or the unit; with two axes a unitless
    /// axis is named after its first series, so each axis says what it measures.
    var axisNames: [String] {
        let formatters = axisFormatters
        return formatters.indices.map { axis in
            if axis == 0, let yLabel { return yLabel }
            let unit = formatters[axis].format == .number ? formatters[axis].unit : ""
            if !unit.isEmpty || formatters.count == 1 { return unit }
            return series.indices.first { axisIndex(of: $0) == axis }.map { series[$0].name } ?? ""
        }
    }

    /// `<details><summary>Data</summary><table>…</table></details>`: one row per bucket, one column per series,
    /// each column in one style.
    public func dataTable() -> String {
        let cleaned = series.map(\.cleaned)
        let marked = shownEvents(cleaned)
        var eventLabels: [Day: [String]] = [:]
        for event in marked { eventLabels[rollup.bucket(of: event.day), default: []].append(event.label) }
        let days = Set(cleaned.flatMap { $0.map(\.day) } + eventLabels.keys).sorted()
        // Each column in one style and precision (`ValueFormatter.columnStrings`).
        let lookup = cleaned.enumerated().map { i, points in
            let texts = formatter(ofSeries: i).columnStrings(points.map(\.value), withUnit: false)
            return Dictionary(zip(points.map(\.day), texts), uniquingKeysWith: { _, b in b })
        }
        var out = SVGBytes(capacity: 64 + days.count * 48 * (series.count + 1))
        out.raw("<details class=\"chart-data\"><summary>Data</summary><table class=\"tabular\"><thead><tr><th scope=\"col\">")
        out.raw(rollup == .day ? "Day" : rollup == .week ? "Week" : "Month")
        out.raw("</th>")
        for (i, s) in series.enumerated() {
            let f = formatter(ofSeries: i)
            let unit = f.format == .number && !f.unit.isEmpty ? " (" + f.unit + ")" : ""
            out.raw("<th scope=\"col\">")
            out.escaped(s.name + unit)
            out.raw("</th>")
        }
        if !marked.isEmpty { out.raw("<th scope=\"col\">Events</th>") }
        out.raw("</tr></thead><tbody>")
        for day in days {
            out.raw("<tr><th scope=\"row\">")
            out.escaped(rollup.label(day))
            out.raw("</th>")
            for texts in lookup {
                out.raw("<td>")
                out.escaped(texts[day] ?? "–")
                out.raw("</td>")
            }
            if !marked.isEmpty {
                out.raw("<td class=\"events-cell\">")
                out.escaped(eventLabels[day]?.joined(separator: "; ") ?? "")
                out.raw("</td>")
            }
            out.raw("</tr>")
        }
        out.raw("</tbody></table></details>")
        return out.string
    }
}
