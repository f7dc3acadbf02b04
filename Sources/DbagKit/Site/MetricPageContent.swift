import Foundation

/// The content of a metric's page, `metrics/<slug>/`: what it is, its latest value and
/// changes, a year by day, week and month, the heatmap, the year's range, target and
/// events, its objects, collection status, downloads, badge and (when allowed) its SQL.
struct MetricPageContent {
    let renderer: DirectiveRenderer

    var config: Config { renderer.config }
    var data: SiteData { renderer.data }

    /// The whole page body for `metric`.
    func html(_ metric: Metric) -> String {
        let view = MetricView(metric: metric, key: nil, data: data)
        var html = "<div class=\"metric-page\">"
        if !metric.description.isEmpty { html += "<p class=\"metric-description\">" + HTML.escape(metric.description) + "</p>" }
        html += "<div class=\"panel-grid\" style=\"--columns:2\">"
        html += renderer.render(directive("stat", ["metric": metric.slug])).html
        html += facts(metric, view: view) + "</div>"
        html += changes(view) + yearRange(view)
        for by in ["day", "week", "month"] {
            html += renderer.render(directive("chart", ["metric": metric.slug, "period": "365d", "by": by,
                                                        "type": by == "day" ? "line" : "bar"])).html
        }
        html += renderer.render(directive("heatmap", ["metric": metric.slug])).html
        html += events(metric)
        if metric.per != nil { html += renderer.render(directive("table", ["metric": metric.slug])).html }
        html += downloads(metric) + badge(metric) + query(metric)
        return html + "</div>"
    }

    /// A directive as if written on the page.
    func directive(_ name: String, _ attributes: KeyValuePairs<String, String>) -> Directive {
        let here = SourceLocation(file: "", line: 1, column: 1)
        return Directive(name: name, form: .block, attributes: attributes.map { DirectiveAttribute(name: $0.key, value: $0.value, location: here) },
                         location: here)
    }

    /// Unit, kind, format, category, target, missing days, last collected and last error.
    func facts(_ metric: Metric, view: MetricView) -> String {
        var rows: [(String, String)] = [("Unit", metric.unit.isEmpty ? "–" : metric.unit), ("Kind", metric.kind),
                                        ("Format", metric.format.rawValue), ("Missing days", metric.missing.rawValue)]
        if let category = metric.category { rows.append(("Category", category)) }
        if let per = metric.per { rows.append(("One value per", per)) }
        rows.append(("Target", metric.target.map { $0.label(view.formatter) } ?? "none"))
        if !metric.active { rows.append(("Active", "no (kept and drawn, not collected)")) }
        rows.append(("Last collected", data.lastSaved[metric.slug].map(Freshness.text) ?? "never"))
        let failure = data.latestFailures[metric.slug]
        rows.append(("Last error", failure.map { ($0.error ?? "") + " (" + Freshness.text($0.finished) + ")" } ?? "none"))
        var html = "<section class=\"metric-facts panel\"><h2 class=\"panel-title\">About</h2><dl>"
        for (term, detail) in rows {
            html += "<dt>" + HTML.escape(term) + "</dt><dd>" + HTML.escape(detail) + "</dd>"
        }
        return html + "</dl></section>"
    }

    /// The latest value's change over 7, 30 and 365 days.
    func changes(_ view: MetricView) -> String {
        var html = "<section class=\"metric-changes table-panel\"><h2 class=\"panel-title\">Change</h2><table><thead><tr>"
        html += "<th scope=\"col\" class=\"num\">Latest</th>"
        for days in [7, 30, 365] { html += "<th scope=\"col\" class=\"num\">\(days) days</th>" }
        html += "</tr></thead><tbody><tr><td class=\"num\">" + HTML.escape(view.valueText) + "</td>"
        for days in [7, 30, 365] {
            html += "<td class=\"num\">" + (view.delta(overDays: days).map(renderer.deltaSpan) ?? "–") + "</td>"
        }
        return html + "</tr></tbody></table></section>"
    }

    /// Min, max and mean of the year ending at the latest day.
    func yearRange(_ view: MetricView) -> String {
        let values = view.points(in: .days(365)).map(\.value).filter(\.isFinite)
        var html = "<section class=\"metric-year table-panel\"><h2 class=\"panel-title\">Over the year</h2>"
        guard let low = values.min(), let high = values.max() else { return html + "<p class=\"chart-empty\">No data yet.</p></section>" }
        let mean = values.reduce(0, +) / Double(values.count)
        html += "<table><thead><tr><th scope=\"col\" class=\"num\">Min</th><th scope=\"col\" class=\"num\">Max</th>"
            + "<th scope=\"col\" class=\"num\">Mean</th></tr></thead><tbody><tr>"
        for value in [low, high, mean] { html += "<td class=\"num\">" + HTML.escape(view.formatter.string(value)) + "</td>" }
        return html + "</tr></tbody></table></section>"
    }

    /// Every event shown on this metric's charts.
    func events(_ metric: Metric) -> String {
        let events = data.events(for: [metric.slug])
        var html = "<section class=\"metric-events\"><h2 class=\"panel-title\">Events</h2>"
        guard !events.isEmpty else { return html + "<p class=\"chart-empty\">No events.</p></section>" }
        html += "<ul class=\"chart-events\">"
        for event in events {
            html += "<li><time datetime=\"\(event.day)\">\(event.day)</time> " + HTML.escape(event.label) + "</li>"
        }
        return html + "</ul></section>"
    }

    /// Links to `data/<slug>.csv` and `data/<slug>.json`.
    func downloads(_ metric: Metric) -> String {
        let base = Routes.relative("data/" + metric.slug, fromPage: renderer.pagePath)
        return "<section class=\"metric-downloads\"><h2 class=\"panel-title\">Data</h2><ul>"
            + "<li><a href=\"" + HTML.escape(base + ".csv") + "\" download>" + HTML.escape(metric.slug) + ".csv</a> (metric,key,day,value)</li>"
            + "<li><a href=\"" + HTML.escape(base + ".json") + "\">" + HTML.escape(metric.slug) + ".json</a> (settings and values)</li>"
            + "</ul></section>"
    }

    /// The badge, and the Markdown that embeds it.
    func badge(_ metric: Metric) -> String {
        // Pasted elsewhere, the Markdown needs the site's public address (`base_url`) when there is one.
        let badgePath = "badges/" + metric.slug + ".svg"
        let url = config.publicURL(of: badgePath) ?? Routes.relative(badgePath, fromPage: renderer.pagePath)
        let page = config.publicURL(of: MetricPages.urlPath(of: metric.slug)) ?? Routes.relative(MetricPages.urlPath(of: metric.slug), fromPage: renderer.pagePath)
        let markdown = "[![" + metric.name.replacingOccurrences(of: "]", with: "\\]") + "](" + url + ")](" + page + ")"
        let view = MetricView(metric: metric, key: nil, data: data)
        let drawn = Badge(name: metric.name, value: view.latest?.value, delta: view.delta(overDays: 7),
                          points: view.points(in: .days(30)), formatter: view.formatter, id: "page-badge-" + metric.slug)
        return "<section class=\"metric-badge\"><h2 class=\"panel-title\">Badge</h2>"
            + "<p class=\"badge-preview\">" + drawn.render() + "</p>"
            + "<p><a href=\"" + HTML.escape(Routes.relative(badgePath, fromPage: renderer.pagePath)) + "\">" + HTML.escape(metric.slug) + ".svg</a></p>"
            + "<p>Markdown to paste:</p><pre tabindex=\"0\"><code>" + HTML.escape(markdown) + "</code></pre></section>"
    }

    /// The metric's SQL, only with `show_queries: true` (a public site should not publish its schema).
    func query(_ metric: Metric) -> String {
        guard config.showQueries else { return "" }
        let sql = metric.query?.sql
        guard let sql else { return "" }
        return "<section class=\"metric-query\"><h2 class=\"panel-title\">Query</h2><pre tabindex=\"0\"><code class=\"language-sql\">"
            + HTML.escape(sql) + "</code></pre></section>"
    }
}
