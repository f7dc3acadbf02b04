/// Several renderings of one chart for the theme to pick from by container width.
extension LineChart {
    /// The viewBox widths drawn by `renderings()`, narrowest first.
    public static let renderWidths: [Double] = [300, 420, 600, 860]

    /// The chart at every width of `renderWidths`, widest first, each in
    /// `<div class="chart-size chart-w{width}">`; heights grow more slowly than widths.
    /// The widest keeps `id`; only renderings for roomy boxes get hover targets.
    public func renderings() -> String {
        let shared = Shared(self, tooltips: true)
        var out = SVGBytes(capacity: 16_384)
        for w in Self.renderWidths.reversed() {
            var copy = self
            copy.id = w == Self.renderWidths.last ? id : id + "w\(Int(w))"
            copy.width = w
            copy.height = max(150, (height * (w / 640).squareRoot()).rounded())
            copy.hoverTargets = w >= 600
            let start = out.count
            out.raw("<div class=\"chart-size chart-w")
            out.append(String(Int(w)))
            out.raw("\">")
            guard copy.svg(shared, into: &out) else {
                out.truncate(to: start)
                continue
            }
            out.raw("</div>")
        }
        return out.string
    }

    /// What every rendering of one chart shares, worked out once: the cleaned points,
    /// the summary and (when asked) each point's `<title>` tooltip.
    struct Shared {
        /// `ChartSeries.cleaned` of each series.
        let cleaned: [[DayValue]]
        /// `LineChart.summary`.
        let summary: String
        /// Every tooltip's `<title>…</title>`, one after another.
        private var tipBytes: [UInt8] = []
        /// By series, then by index into `cleaned`: where each tooltip ends in `tipBytes`;
        /// empty when not asked for.
        private var tipEnds: [[Int]] = []

        init(_ chart: LineChart, tooltips: Bool) {
            cleaned = chart.series.map(\.cleaned)
            summary = chart.summary(of: cleaned)
            guard tooltips else { return }
            tipBytes.reserveCapacity(cleaned.reduce(0) { $0 + $1.count } * 48)
            tipEnds = cleaned.enumerated().map { i, points in
                points.map { point in
                    tipBytes.append(contentsOf: "<title>".utf8)
                    tipBytes.append(contentsOf: HTML.escape(chart.tooltip(point, series: i)).utf8)
                    tipBytes.append(contentsOf: "</title>".utf8)
                    return tipBytes.count
                }
            }
        }

        /// Writes the tooltip of point `point` of series `series` into `out`; false when not worked out.
        func writeTip(series: Int, point: Int, into out: inout SVGBytes) -> Bool {
            guard tipEnds.indices.contains(series), tipEnds[series].indices.contains(point) else { return false }
            let ends = tipEnds[series]
            let start = point > 0 ? ends[point - 1] : series > 0 ? tipEnds[..<series].last(where: { !$0.isEmpty })?.last ?? 0 : 0
            tipBytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[start..<ends[point]])) }
            return true
        }
    }

    /// Indices of `series` grouped by how their values are written (format and unit), in first-seen order.
    public static func unitGroups(_ series: [ChartSeries], default formatter: ValueFormatter) -> [[Int]] {
        var groups: [(ValueFormatter, [Int])] = []
        for (index, s) in series.enumerated() {
            let f = s.formatter ?? formatter
            if let at = groups.firstIndex(where: { $0.0.sameUnit(as: f) }) { groups[at].1.append(index) } else { groups.append((f, [index])) }
        }
        return groups.map(\.1)
    }
}
