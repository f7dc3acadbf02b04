import Foundation

/// Charts, sparklines, tables and heatmaps.
extension DirectiveRenderer {
    /// Width of the narrow rendering shown in small containers (phones, grid cells).
    static let narrowWidth = 320.0

    func chart(_ directive: Directive) -> String {
        let views = directive.metricSlugs.compactMap { view(directive, slug: $0) }
        guard let first = views.first else { return "" }
        let period = schema.value(of: "period", in: directive).flatMap { Period($0) } ?? .days(90)
        let rollup = Rollup(rawValue: schema.value(of: "by", in: directive) ?? "day") ?? .day
        let style = LineChart.Style(rawValue: schema.value(of: "type", in: directive) ?? "line") ?? .line
        let end = views.compactMap { $0.latest?.day }.max()
        let series = views.map { view in
            let points = end.map { period.filter(view.points, endingAt: $0) } ?? []
            return ChartSeries(name: displayName(view), points: rollup.apply(points, aggregation: view.metric.aggregate))
        }
        let title = directive["title"] ?? views.map { displayName($0) }.joined(separator: ", ")
        let height = Double(directive["height"] ?? "") ?? 240
        var chart = LineChart(id: chartID, title: title, series: series, style: style, formatter: first.formatter,
                              rollup: rollup, periodLabel: period.label, height: height)
        var html = "<figure class=\"chart chart-\(style.rawValue)\">"
        html += "<figcaption class=\"panel-title\">" + HTML.escape(title)
            + " <span class=\"panel-period\">· " + HTML.escape(period.label) + (rollup == .day ? "" : ", by \(rollup.rawValue)") + "</span></figcaption>"
        guard let wide = chart.svg() else {
            return html + "<p class=\"chart-empty\">" + HTML.escape(chart.emptyText) + "</p></figure>"
        }
        html += chart.legend()
        html += "<div class=\"chart-wide\">" + wide + "</div>"
        chart.id = chartID + "n"
        chart.width = Self.narrowWidth
        chart.hoverTargets = false
        chart.height = max(160, (height * 0.85).rounded())
        if let narrow = chart.svg() {
            html += "<div class=\"chart-narrow\">" + narrow + "</div>"
        }
        return html + chart.dataTable() + "</figure>"
    }

    func sparkline(_ directive: Directive, size: Sparkline.Size) -> String {
        guard let view = view(directive) else { return "" }
        let spark = Sparkline(points: view.points(in: period(directive)), name: displayName(view), size: size, formatter: view.formatter)
        if size == .inline { return spark.render() }
        return "<div class=\"sparkline-panel\">" + spark.render() + "</div>"
    }

    func heatmap(_ directive: Directive) -> String {
        guard let view = view(directive) else { return "" }
        let title = directive["title"] ?? displayName(view)
        let html = "<figure class=\"heatmap-panel\"><figcaption class=\"panel-title\">" + HTML.escape(title)
            + " <span class=\"panel-period\">· last year</span></figcaption>"
        guard let end = view.latest?.day else {
            return html + "<p class=\"chart-empty\">No data for " + HTML.escape(title) + " yet.</p></figure>"
        }
        let map = Heatmap(id: chartID, title: title, points: view.points, end: end, formatter: view.formatter)
        return html + map.render() + "</figure>"
    }

    func table(_ directive: Directive) -> String {
        if directive["metrics"] == nil, let slug = directive["metric"], let metric = config.metric(slug),
           metric.per != nil, scope.key(for: metric, attribute: directive["key"]) == nil {
            return objectTable(directive, metric: metric)
        }
        let rows = directive.metricSlugs.compactMap { view(directive, slug: $0) }.map { view in
            TableRow(label: displayName(view), url: nil, view: view)
        }
        return tableHTML(rows, head: "Metric", period: period(directive))
    }

    func objectTable(_ directive: Directive, metric: Metric) -> String {
        var rows = data.keys(metric.slug).map { key in
            TableRow(label: data.label(metric.slug, key: key), url: metric.per.flatMap { objectURLs[$0]?[key] }.map { Routes.link(to: $0, root: root) },
                     view: MetricView(metric: metric, key: key, data: data))
        }
        if schema.value(of: "sort", in: directive) == "label" {
            rows.sort { ($0.label.lowercased(), $0.label) < ($1.label.lowercased(), $1.label) }
        } else {
            rows.sort { a, b in
                let x = a.view.latest?.value ?? -.infinity, y = b.view.latest?.value ?? -.infinity
                return x != y ? x > y : a.label < b.label
            }
        }
        if let top = Int(directive["top"] ?? ""), top < rows.count { rows = Array(rows.prefix(top)) }
        let head = metric.per.map { Metric.title(fromSlug: $0) } ?? "Object"
        return "<div class=\"table-panel\"><h2 class=\"panel-title\">" + HTML.escape(metric.name) + "</h2>"
            + tableHTML(rows, head: head, period: period(directive), wrapped: false) + "</div>"
    }

    struct TableRow {
        var label: String
        var url: String?
        var view: MetricView
    }

    func tableHTML(_ rows: [TableRow], head: String, period: Period, wrapped: Bool = true) -> String {
        var html = wrapped ? "<div class=\"table-panel\">" : ""
        html += "<table><thead><tr><th scope=\"col\">\(HTML.escape(head))</th><th scope=\"col\" class=\"num\">Value</th>"
        html += "<th scope=\"col\" class=\"num\">7 days</th><th scope=\"col\" class=\"num wide-only\">30 days</th><th scope=\"col\">Trend</th></tr></thead><tbody>"
        if rows.isEmpty {
            html += "<tr><td colspan=\"5\" class=\"chart-empty\">No data yet.</td></tr>"
        }
        for row in rows {
            let label = row.url.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(row.label))</a>" } ?? HTML.escape(row.label)
            html += "<tr><th scope=\"row\">" + label + "</th>"
            html += "<td class=\"num\">" + HTML.escape(row.view.valueText) + "</td>"
            for days in [7, 30] {
                html += "<td class=\"num\(days == 30 ? " wide-only" : "")\">" + (row.view.delta(overDays: days).map(deltaSpan) ?? "–") + "</td>"
            }
            let spark = Sparkline(points: row.view.points(in: period), name: row.label, size: .inline, formatter: row.view.formatter)
            html += "<td>" + spark.render() + "</td></tr>"
        }
        return html + "</tbody></table>" + (wrapped ? "</div>" : "")
    }
}
