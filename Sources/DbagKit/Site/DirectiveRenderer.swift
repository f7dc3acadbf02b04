import Foundation

/// Turns one page's directives into HTML, drawing charts from the site's data.
/// One renderer per page: it numbers the page's charts so ids never collide.
final class DirectiveRenderer {
    let config: Config
    let data: SiteData
    let scope: PageScope
    let now: Date
    /// Each object page: metric `per` → key → its path from the site's root.
    let objectURLs: [String: [String: String]]
    /// This page's path from the site's root (`customers/`), for relative links.
    let pagePath: String
    let schema = DirectiveSchema.standard
    /// Charts drawn earlier in the build (shared by every page's renderer).
    let charts: ChartCache
    var counter = 0

    init(config: Config, data: SiteData, scope: PageScope, now: Date, objectURLs: [String: [String: String]] = [:], pagePath: String = "",
         charts: ChartCache = ChartCache()) {
        self.pagePath = pagePath
        self.charts = charts
        self.config = config
        self.data = data
        self.scope = scope
        self.now = now
        self.objectURLs = objectURLs
    }

    /// The HTML of one directive.
    func render(_ directive: Directive) -> DirectiveHTML {
        counter += 1
        switch directive.name {
        case "grid":
            let columns = Int(directive["columns"] ?? "") ?? 3
            return DirectiveHTML("<div class=\"panel-grid\" style=\"--columns:\(columns)\">", closing: "</div>")
        case "stat": return DirectiveHTML(stat(directive))
        case "chart": return DirectiveHTML(chart(directive))
        case "sparkline": return DirectiveHTML(sparkline(directive, size: .block))
        case "spark": return DirectiveHTML(sparkline(directive, size: .inline))
        case "table": return DirectiveHTML(table(directive))
        case "heatmap": return DirectiveHTML(heatmap(directive))
        case "value": return DirectiveHTML(value(directive))
        case "delta": return DirectiveHTML(delta(directive))
        default: return DirectiveHTML("")
        }
    }

    /// The id prefix of the current directive's SVG elements.
    var chartID: String { "d\(counter)" }

    /// The view of the directive's `metric` (with its key), or nil when unknown.
    func view(_ directive: Directive, slug: String? = nil) -> MetricView? {
        guard let slug = slug ?? directive.metric, let metric = config.metric(slug) else { return nil }
        return MetricView(metric: metric, key: scope.key(for: metric, attribute: directive["key"]), data: data)
    }

    func period(_ directive: Directive) -> Period {
        schema.value(of: "period", in: directive).flatMap { Period($0) } ?? .days(30)
    }

    func days(_ text: String?) -> Int {
        guard let text, case .days(let n)? = Period(text) else { return 7 }
        return n
    }

    /// A view's display name: the metric's name, with the object's label when it has a key.
    func displayName(_ view: MetricView) -> String {
        guard let key = view.key, view.metric.per != nil, key != scope.key else { return view.metric.name }
        return view.metric.name + " · " + data.label(view.metric.slug, key: key)
    }

    func isStale(_ view: MetricView) -> Bool {
        Freshness.isStale(view.metric, data: data, now: now, timeZone: config.timeZone)
    }

    func stat(_ directive: Directive) -> String {
        guard let view = view(directive) else { return "" }
        let title = directive["title"] ?? displayName(view)
        let compare = days(schema.value(of: "compare", in: directive))
        let stale = isStale(view)
        var html = "<section class=\"stat\(stale ? " is-stale" : "")\">"
        html += "<h2 class=\"panel-title\"><a class=\"metric-link\" href=\"\(HTML.escape(metricURL(view.metric.slug)))\">" + HTML.escape(title) + "</a>"
        if stale { html += "<span class=\"stale-badge\" title=\"No new value within \(HTML.escape(DurationText.human(view.metric.staleAfter)))\">stale</span>" }
        html += "</h2>"
        if let latest = view.latest {
            let formatter = view.formatter
            let text = formatter.string(latest.value, withUnit: false)
            html += "<p class=\"stat-value\">" + HTML.escape(text)
            if view.metric.format == .number, !view.metric.unit.isEmpty {
                html += "<span class=\"stat-unit\">" + HTML.escape(formatter.unit(after: text)) + "</span>"
            }
            html += "</p>"
            if let delta = view.delta(overDays: compare) {
                html += "<p class=\"stat-delta\">" + deltaSpan(delta) + " <span class=\"delta-label\">in \(compare) days</span></p>"
            }
            html += targetShare(view, value: latest.value)
            let spark = Sparkline(points: view.points(in: .days(max(30, compare * 4))), name: title, formatter: formatter, showMinMax: true)
            html += "<div class=\"stat-spark\">" + spark.render() + "</div>"
            html += "<p class=\"panel-note\">as of <time datetime=\"\(latest.day)\">\(latest.day)</time></p>"
        } else {
            html += "<p class=\"stat-value stat-empty\">–</p><p class=\"panel-note\">No data yet.</p>"
        }
        return html + "</section>"
    }

    /// The link from this page to a metric's page (`metrics/<slug>/`).
    func metricURL(_ slug: String) -> String {
        Routes.relative(MetricPages.urlPath(of: slug), fromPage: pagePath)
    }

    /// `62% of target 500 by 2026-12-31`, for a metric with a target.
    func targetShare(_ view: MetricView, value: Double) -> String {
        guard let target = view.metric.target, let share = target.share(of: value) else { return "" }
        let percent = ValueFormatter(format: .percent).string(share)
        return "<p class=\"stat-target\"><meter min=\"0\" max=\"1\" value=\"\(NumberText.coord(min(max(share, 0), 1)))\"></meter> "
            + HTML.escape(percent + " of " + target.label(view.formatter)) + "</p>"
    }

    func deltaSpan(_ delta: Delta) -> String {
        "<span class=\"delta \(delta.cssClass)\">" + HTML.escape(delta.text) + "</span>"
    }

    func value(_ directive: Directive) -> String {
        guard let view = view(directive) else { return "" }
        var point = view.latest
        if let text = directive["day"], let day = Day(text) {
            point = view.points.first { $0.day == day }
        }
        guard let point else { return "<span class=\"value value-empty\" title=\"no data\">–</span>" }
        return "<span class=\"value\" title=\"\(HTML.escape(displayName(view))) on \(point.day)\">" + HTML.escape(view.formatter.string(point.value)) + "</span>"
    }

    func delta(_ directive: Directive) -> String {
        guard let view = view(directive) else { return "" }
        let over = days(schema.value(of: "over", in: directive))
        guard let delta = view.delta(overDays: over) else {
            return "<span class=\"delta neutral\" title=\"not enough data\">–</span>"
        }
        return deltaSpan(delta)
    }
}
