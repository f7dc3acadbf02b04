import Foundation

/// Charts, sparklines, tables and heatmaps.
extension DirectiveRenderer {
    /// A chart, drawn at several widths (`LineChart.renderings`); the theme shows the
    /// widest that is no wider than its box, so axis text never renders under 11 px.
    func chart(_ directive: Directive) -> String {
        let views = directive.metricSlugs.compactMap { view(directive, slug: $0) }
        guard !views.isEmpty else { return "" }
        let period = schema.value(of: "period", in: directive).flatMap { Period($0) } ?? .days(90)
        let rollup = Rollup(rawValue: schema.value(of: "by", in: directive) ?? "day") ?? .day
        let style = LineChart.Style(rawValue: schema.value(of: "type", in: directive) ?? "line") ?? .line
        let end = views.compactMap { $0.latest?.day }.max()
        var series = views.map { view in
            let points = end.map { period.filter(view.points, endingAt: $0) } ?? []
            return ChartSeries(name: displayName(view), points: rollup.apply(points, aggregation: view.metric.aggregate),
                               formatter: view.formatter)
        }
        let window = end.flatMap { end in period.start(endingAt: end).map { $0...end } }
        if let window, let word = directive["compare"], let shift = ComparisonShift(word, window: window) {
            series += comparisons(views, shift: shift, window: window, period: period, rollup: rollup)
        }
        let title = directive["title"] ?? views.map { displayName($0) }.joined(separator: ", ")
        let height = Double(directive["height"] ?? "") ?? 240
        var chart = LineChart(id: chartID, title: title, series: series, style: style, formatter: views[0].formatter,
                              rollup: rollup, periodLabel: period.label, height: height)
        if let window {
            chart.domain = rollup.bucket(of: window.lowerBound)...rollup.bucket(of: window.upperBound)
        }
        let slugs = views.map(\.metric.slug)
        chart.events = data.events(for: slugs)
        chart.targets = views.enumerated().compactMap { index, view in
            view.metric.target.map { ChartTarget(value: $0.value, label: $0.label(view.formatter), seriesIndex: index) }
        }
        var html = "<figure class=\"chart chart-\(style.rawValue)\">"
        html += "<figcaption class=\"panel-title\">" + HTML.escape(title)
            + " <span class=\"panel-period\">· " + HTML.escape(period.label) + (rollup == .day ? "" : ", by \(rollup.rawValue)") + "</span></figcaption>"
        guard chart.hasData else {
            return html + "<p class=\"chart-empty\">" + HTML.escape(chart.emptyText) + "</p></figure>"
        }
        return html + charts.html(for: chart) { Self.drawn(chart) } + "</figure>"
    }

    /// What `chart` shows under its caption: the renderings (small multiples, one chart
    /// per unit sharing the x axis, for more than two units), events and data table.
    /// Depends on `chart` alone, so the build draws each distinct chart once (`ChartCache`).
    static func drawn(_ chart: LineChart) -> String {
        let series = chart.series
        let groups = LineChart.unitGroups(series, default: chart.formatter)
        let charts = groups.count > 2
            ? groups.enumerated().map { index, members -> LineChart in
                var part = chart
                part.id = chart.id + "-\(index + 1)"
                part.series = members.map { series[$0] }
                part.targets = chart.targets.compactMap { target in
                    members.firstIndex(of: target.seriesIndex).map { ChartTarget(value: target.value, label: target.label, seriesIndex: $0) }
                }
                part.formatter = members.first.flatMap { series[$0].formatter } ?? chart.formatter
                part.title = part.series.map(\.name).joined(separator: ", ")
                part.height = max(140, (chart.height * 0.7).rounded())
                return part
            }
            : [chart]
        var html = ""
        for part in charts {
            if charts.count > 1 { html += "<p class=\"chart-multiple-title\">" + HTML.escape(part.title) + "</p>" }
            html += part.legend() + part.renderings()
        }
        return html + chart.eventList() + chart.dataTable()
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
        return html + "<div class=\"heatmap-scroll scroll-x\">" + map.render() + "</div></figure>"
    }

    func table(_ directive: Directive) -> String {
        if directive["metrics"] == nil, let slug = directive.metric, let metric = config.metric(slug),
           metric.per != nil, scope.key(for: metric, attribute: directive["key"]) == nil {
            return objectTable(directive, metric: metric)
        }
        let rows = directive.metricSlugs.compactMap { view(directive, slug: $0) }.map { view in
            TableRow(label: displayName(view), url: metricURL(view.metric.slug), view: view)
        }
        return tableHTML(rows, head: "Metric", period: period(directive))
    }

    func objectTable(_ directive: Directive, metric: Metric) -> String {
        var rows = data.keys(metric.slug).map { key in
            TableRow(label: data.label(metric.slug, key: key), url: metric.per.flatMap { objectURLs[$0]?[key] }.map { Routes.relative($0, fromPage: pagePath) },
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
        // One metric in every row: one style for the column, its unit in the header.
        let formatter = MetricView.formatter(metric)
        let texts = formatter.columnStrings(rows.map { $0.view.latest?.value ?? .nan }, withUnit: false)
        for index in rows.indices { rows[index].valueText = rows[index].view.latest == nil ? "–" : texts[index] }
        let valueHead = metric.format == .number && !metric.unit.isEmpty ? Metric.title(fromSlug: metric.unit) : "Value"
        return "<div class=\"table-panel scroll-x\"><h2 class=\"panel-title\">" + HTML.escape(metric.name) + "</h2>"
            + tableHTML(rows, head: head, valueHead: valueHead, period: period(directive), wrapped: false) + "</div>"
    }

    struct TableRow {
        var label: String
        var url: String?
        var view: MetricView
        /// The value as shown; the view's own text unless the column sets it.
        var valueText: String

        init(label: String, url: String?, view: MetricView) {
            self.label = label
            self.url = url
            self.view = view
            valueText = view.valueText
        }
    }

    func tableHTML(_ rows: [TableRow], head: String, valueHead: String = "Value", period: Period, wrapped: Bool = true) -> String {
        var html = wrapped ? "<div class=\"table-panel scroll-x\">" : ""
        html += "<table><thead><tr><th scope=\"col\">\(HTML.escape(head))</th><th scope=\"col\" class=\"num\">\(HTML.escape(valueHead))</th>"
        html += "<th scope=\"col\" class=\"num\">7 days</th><th scope=\"col\" class=\"num wide-only\">30 days</th><th scope=\"col\">Trend</th></tr></thead><tbody>"
        if rows.isEmpty {
            html += "<tr><td colspan=\"5\" class=\"chart-empty\">No data yet.</td></tr>"
        }
        // Each change column in one precision: 1 decimal, or none when a change reaches 100 %.
        var decimals: [Int: Int] = [:]
        for days in [7, 30] {
            let changes = rows.compactMap { $0.view.delta(overDays: days)?.relative }.filter(\.isFinite)
            decimals[days] = changes.allSatisfy { abs($0) < 1 } ? 1 : 0
        }
        for row in rows {
            let label = row.url.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(row.label))</a>" } ?? HTML.escape(row.label)
            html += "<tr><th scope=\"row\">" + label + "</th>"
            html += "<td class=\"num\">" + HTML.escape(row.valueText) + "</td>"
            for days in [7, 30] {
                let delta = row.view.delta(overDays: days, relativeDecimals: decimals[days])
                html += "<td class=\"num\(days == 30 ? " wide-only" : "")\">" + (delta.map(deltaSpan) ?? "–") + "</td>"
            }
            let spark = Sparkline(points: row.view.points(in: period), name: row.label, size: .inline, formatter: row.view.formatter)
            html += "<td>" + spark.render() + "</td></tr>"
        }
        return html + "</tbody></table>" + (wrapped ? "</div>" : "")
    }
}
