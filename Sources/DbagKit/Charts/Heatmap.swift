/// A calendar of daily values for the year ending at a day: 53 week columns × 7 day
/// rows (Monday on top), cells in quantile classes `h1`…`h4`. Days without data
/// (`h0`) are hollow outlines, so they differ from the lowest level by shape, not
/// colour alone. Drawn at a fixed size (`width` px) so its 11 px text stays readable;
/// the theme lets it scroll sideways in narrow boxes.
public struct Heatmap: Sendable {
    /// Prefix of the ids in the output; unique per page.
    public var id: String
    /// What the calendar shows, e.g. the metric name.
    public var title: String
    /// Daily values; days outside the calendar are ignored.
    public var points: [DayValue]
    /// The last day shown (bottom of the last column is its week's Sunday).
    public var end: Day
    /// Formats cell tooltips and the summary.
    public var formatter: ValueFormatter

    static let cell = 11.0
    static let pitch = 13.0
    static let left = 30.0
    static let top = 16.0
    static let weeks = 53

    /// A heatmap for the year ending at `end`.
    public init(id: String, title: String, points: [DayValue], end: Day, formatter: ValueFormatter = ValueFormatter()) {
        self.id = id
        self.title = title
        self.points = points
        self.end = end
        self.formatter = formatter
    }

    /// The first day drawn: the Monday 52 weeks before `end`'s Monday.
    public var start: Day {
        end.advanced(by: -end.weekday - 7 * (Self.weeks - 1))
    }

    /// Thresholds (lower quartile, median, upper quartile) of the values in view; nil without values.
    static func thresholds(_ values: [Double]) -> (Double, Double, Double)? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        func quantile(_ p: Double) -> Double { sorted[Int(Double(sorted.count - 1) * p)] }
        return (quantile(0.25), quantile(0.5), quantile(0.75))
    }

    /// `h1` (lowest quarter) … `h4` (highest); `h0` is for days without data.
    static func bucket(_ value: Double, _ t: (Double, Double, Double)) -> Int {
        value <= t.0 ? 1 : value <= t.1 ? 2 : value <= t.2 ? 3 : 4
    }

    /// The values in view by day.
    var valuesByDay: [Day: Double] {
        let first = start
        let inView = ChartSeries(name: title, points: points).cleaned.filter { $0.day >= first && $0.day <= end }
        return Dictionary(inView.map { ($0.day, $0.value) }, uniquingKeysWith: { _, b in b })
    }

    /// `Signups, 2023-03-06 to 2024-03-04: 300 days with data, max 351 on 2024-02-03.`
    public var summary: String {
        let values = valuesByDay
        let head = title + ", " + start.description + " to " + end.description + ": "
        guard let top = values.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return head + "no data."
        }
        let days = values.count == 1 ? "1 day" : "\(values.count) days"
        return head + days + " with data, max " + formatter.string(top.value) + " on " + top.key.description + "."
    }

    /// The SVG calendar with month and weekday labels and a legend.
    public func render() -> String {
        let prefix = SVG.safeID(id)
        let values = valuesByDay
        let t = Self.thresholds(Array(values.values)) ?? (0, 0, 0)
        let width = Self.left + Double(Self.weeks) * Self.pitch
        let gridBottom = Self.top + 7 * Self.pitch
        let height = gridBottom + 22
        var out = SVGBytes(capacity: 32_768)
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" viewBox=\"0 0 ")
        out.n(width)
        out.raw(" ")
        out.n(height)
        out.raw("\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"")
        out.append(prefix)
        out.raw("-title ")
        out.append(prefix)
        out.raw("-desc\" width=\"")
        out.n(width)
        out.raw("\" height=\"")
        out.n(height)
        out.raw("\" font-size=\"11\" font-family=\"system-ui, sans-serif\">")
        out.titleAndDescription(prefix: prefix, title: title, description: summary)
        out.append(labels())
        out.raw("<g class=\"cells\">")
        for column in 0..<Self.weeks {
            for row in 0..<7 {
                let day = start.advanced(by: column * 7 + row)
                guard day <= end else { continue }
                let value = values[day]
                let level = value.map { Self.bucket($0, t) } ?? 0
                Self.cell(level: level, x: Self.left + Double(column) * Self.pitch, y: Self.top + Double(row) * Self.pitch, into: &out)
                out.raw("><title>")
                out.append(day.description)
                out.raw(": ")
                out.escaped(value.map { formatter.string($0) } ?? "no data")
                out.raw("</title></rect>")
            }
        }
        out.raw("</g>")
        out.append(legend(width: width, y: gridBottom + 8))
        out.raw("</svg>")
        return out.string
    }

    /// Month names above the first column holding a month's 1st; Mon, Wed, Fri on the left.
    func labels() -> String {
        var out = "<g class=\"axis\" fill=\"currentColor\">"
        var lastColumn = -10
        for column in 0..<Self.weeks {
            let monday = start.advanced(by: column * 7)
            guard let first = (0..<7).map({ monday.advanced(by: $0) }).first(where: { $0.civil.day == 1 && $0 <= end }),
                  column - lastColumn >= 3 else { continue }
            lastColumn = column
            out += SVG.element("text", ["x": SVG.n(Self.left + Double(column) * Self.pitch), "y": SVG.n(Self.top - 5)],
                               HTML.escape(TimeScale.monthLabel(first)))
        }
        for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
            out += SVG.element("text", ["x": "0", "y": SVG.n(Self.top + Double(row) * Self.pitch + Self.cell - 2)], name)
        }
        return out + "</g>"
    }

    /// One cell: filled for a value, a hollow outline inset by half a stroke for no data.
    static func cell(level: Int, x: Double, y: Double) -> String {
        var out = SVGBytes(capacity: 128)
        cell(level: level, x: x, y: y, into: &out)
        out.raw("/>")
        return out.string
    }

    /// `cell(level:x:y:)` written into `out` without closing its start tag.
    static func cell(level: Int, x: Double, y: Double, into out: inout SVGBytes) {
        guard level == 0 else {
            out.raw("<rect class=\"h")
            out.append(String(level))
            out.raw("\"")
            out.attribute("x", x)
            out.attribute("y", y)
            out.attribute("width", cell)
            out.attribute("height", cell)
            out.raw(" rx=\"2\"")
            return
        }
        out.raw("<rect class=\"h0\"")
        out.attribute("x", x + 1)
        out.attribute("y", y + 1)
        out.attribute("width", cell - 2)
        out.attribute("height", cell - 2)
        out.raw(" rx=\"1.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1\"")
    }

    /// `No data □   Less □ □ □ □ More`.
    func legend(width: Double, y: Double) -> String {
        var out = "<g class=\"legend\" fill=\"currentColor\">"
        out += Self.cell(level: 0, x: Self.left, y: y)
        out += SVG.element("text", ["x": SVG.n(Self.left + Self.pitch + 2), "y": SVG.n(y + 9.5)], "No data")
        var x = width - 5 * Self.pitch - 28
        out += SVG.element("text", ["x": SVG.n(x - 4), "y": SVG.n(y + 9), "text-anchor": "end"], "Less")
        for level in 1...4 {
            out += Self.cell(level: level, x: x, y: y)
            x += Self.pitch
        }
        out += SVG.element("text", ["x": SVG.n(x + 2), "y": SVG.n(y + 9)], "More")
        return out + "</g>"
    }
}
