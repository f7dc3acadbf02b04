/// The CSS that connects chart classes to theme variables; a theme includes it once
/// and defines the variables (see `variables`). It holds no colours itself.
public enum ChartCSS {
    /// Custom properties a theme must define (light and dark).
    public static let variables = [
        "--series-1", "--series-2", "--series-3", "--series-4", "--series-5", "--series-6",
        "--grid", "--muted", "--text", "--good", "--bad", "--neutral",
        "--heat-0", "--heat-1", "--heat-2", "--heat-3", "--heat-4", "--spark", "--spark-last", "--panel",
    ]

    /// Container rules that show one of `LineChart.renderWidths` per chart: the widest
    /// no wider than the box (the narrowest below that), so 12-unit text is ≥ 11 px.
    static var sizeRules: String {
        let widths = LineChart.renderWidths.map { Int($0) }
        var rules = ".chart{container-type:inline-size}\n.chart-size{display:none}\n"
        for (index, width) in widths.enumerated() {
            var query: [String] = []
            if index > 0 { query.append("(min-width:\(width)px)") }
            if index + 1 < widths.count { query.append("(max-width:\(Double(widths[index + 1]) - 0.02)px)") }
            rules += "@container \(query.joined(separator: " and ")){.chart-w\(width){display:block}}\n"
        }
        return rules
    }

    /// Rules for `.chart`, `.sparkline`/`.spark`, `.heatmap` and deltas.
    public static var stylesheet: String { sizeRules + rules }

    static let rules = """
    .chart{margin:0}
    .chart-svg{display:block;width:100%;height:auto;overflow:visible}
    .chart-svg .grid{color:var(--grid)}
    .chart-svg .axis,.chart-svg .axis-label,.chart-svg .baseline,.heatmap .axis,.heatmap .legend{color:var(--muted)}
    .tabular,.chart-svg text,.chart-legend,.chart-data table{font-variant-numeric:tabular-nums}
    .series-1{color:var(--series-1)}.series-2{color:var(--series-2)}.series-3{color:var(--series-3)}
    .series-4{color:var(--series-4)}.series-5{color:var(--series-5)}.series-6{color:var(--series-6)}
    .chart-svg .point.dense:hover,.chart-svg .point.dense:focus{fill-opacity:1}
    .chart-svg .bar:hover{fill-opacity:.8}
    .chart-legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 .25rem;padding:0;color:var(--text)}
    .chart-legend li{display:inline-flex;align-items:center;gap:.35rem;color:var(--text)}
    .chart-legend .swatch{flex:none}
    .chart-legend .series-1 .swatch{color:var(--series-1)}.chart-legend .series-2 .swatch{color:var(--series-2)}
    .chart-legend .series-3 .swatch{color:var(--series-3)}.chart-legend .series-4 .swatch{color:var(--series-4)}
    .chart-legend .series-5 .swatch{color:var(--series-5)}.chart-legend .series-6 .swatch{color:var(--series-6)}
    .chart-empty{color:var(--muted)}
    .sparkline,.spark{color:var(--spark);overflow:visible}
    .spark{vertical-align:-0.15em}
    .sparkline .spark-last,.spark .spark-last{color:var(--spark-last)}
    .spark-empty{color:var(--muted);font-size:.8em}
    .heatmap{display:block;width:100%;min-width:max-content;height:auto}
    .heatmap-scroll{overflow-x:auto;direction:rtl}.heatmap-scroll>*{direction:ltr}
    .heatmap .h0{color:var(--muted);stroke-opacity:.6}.heatmap .h1{fill:var(--heat-1)}.heatmap .h2{fill:var(--heat-2)}
    .heatmap .h3{fill:var(--heat-3)}.heatmap .h4{fill:var(--heat-4)}
    .scroll-x{overflow-x:auto;background:linear-gradient(to right,var(--panel) 30%,transparent) left/2.5rem 100% no-repeat local,\
    linear-gradient(to left,var(--panel) 30%,transparent) right/2.5rem 100% no-repeat local,\
    radial-gradient(farthest-side at 0 50%,color-mix(in srgb,var(--text) 30%,transparent),transparent) left/1rem 100% no-repeat scroll,\
    radial-gradient(farthest-side at 100% 50%,color-mix(in srgb,var(--text) 30%,transparent),transparent) right/1rem 100% no-repeat scroll,\
    var(--panel)}
    .chart-data{overflow-x:auto}
    .legend-axis{color:var(--muted)}
    .chart-multiple-title{margin:.75rem 0 .25rem;font-size:.85rem;color:var(--muted)}
    .good{color:var(--good)}.bad{color:var(--bad)}.neutral{color:var(--neutral)}
    .chart-svg .events{color:var(--muted)}.chart-svg .event-marker{color:var(--text)}
    .chart-svg .targets{color:var(--text)}.chart-svg .target-label{fill:currentColor;font-weight:600}
    .comparison{color:var(--muted)}.chart-svg .comparison .line{stroke-opacity:.75}
    .chart-legend .comparison .swatch{color:var(--muted)}
    .chart-events{list-style:none;margin:.35rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.15rem 1rem;font-size:.85rem;color:var(--text)}
    .chart-events time{color:var(--muted);font-variant-numeric:tabular-nums}
    .event-swatch{color:var(--text);flex:none;vertical-align:-0.05em}
    @media print{.chart-data{display:none}.chart-svg .point.dense{fill-opacity:0}}
    """
}
