/// The CSS that connects chart classes to theme variables; a theme includes it once
/// and defines the variables (see `variables`). It holds no colours itself.
public enum ChartCSS {
    /// Custom properties a theme must define (light and dark).
    public static let variables = [
        "--series-1", "--series-2", "--series-3", "--series-4", "--series-5", "--series-6",
        "--grid", "--muted", "--text", "--good", "--bad", "--neutral",
        "--heat-0", "--heat-1", "--heat-2", "--heat-3", "--heat-4", "--spark", "--spark-last",
    ]

    /// Rules for `.chart`, `.sparkline`/`.spark`, `.heatmap` and deltas.
    public static let stylesheet = """
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
    .heatmap{display:block;width:100%;height:auto}
    .heatmap .h0{fill:var(--heat-0)}.heatmap .h1{fill:var(--heat-1)}.heatmap .h2{fill:var(--heat-2)}
    .heatmap .h3{fill:var(--heat-3)}.heatmap .h4{fill:var(--heat-4)}
    .good{color:var(--good)}.bad{color:var(--bad)}.neutral{color:var(--neutral)}
    @media print{.chart-data{display:none}.chart-svg .point.dense{fill-opacity:0}}
    """
}
