/// `metrics/`: every metric with its number and sparkline, grouped by `category:`.
extension MetricPageContent {
    /// One table per category in dbag.yml's order, then the uncategorised metrics ("Other" when there are categories).
    func index() -> String {
        var order: [String?] = []
        var groups: [String?: [Metric]] = [:]
        for metric in config.metrics {
            if groups[metric.category] == nil { order.append(metric.category) }
            groups[metric.category, default: []].append(metric)
        }
        order = order.compactMap { $0 }.map { Optional($0) } + (groups[nil] == nil ? [] : [nil])
        var html = "<div class=\"metric-index\">"
        if config.metrics.isEmpty { html += "<p class=\"chart-empty\">No metrics in dbag.yml yet.</p>" }
        for category in order {
            let metrics = groups[category] ?? []
            let heading = category ?? (order.count > 1 ? "Other" : "All metrics")
            let rows = metrics.map { metric in
                DirectiveRenderer.TableRow(label: metric.name, url: renderer.metricURL(metric.slug),
                                           view: MetricView(metric: metric, key: nil, data: data))
            }
            html += "<section class=\"metric-group\"><h2 class=\"panel-title\">" + HTML.escape(heading) + "</h2>"
                + renderer.tableHTML(rows, head: "Metric", period: .days(30)) + "</section>"
        }
        return html + "</div>"
    }
}
