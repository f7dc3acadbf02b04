import Foundation
import Mustache

/// Stages 6–7 for one page: its directives drawn, its Markdown rendered, the
/// theme's `page.mustache` applied.
struct PageRenderer: Sendable {
    let config: Config
    let library: MustacheLibrary
    /// The theme's `sidebar.mustache`, rendered once per page depth (by the page's
    /// way back to the root, `""`, `../`, …); each page marks its own link.
    let sidebars: [String: String]
    let data: SiteData
    let now: Date
    let objectURLs: [String: [String: String]]
    let bodySuffix: String
    /// Charts drawn earlier in this build, shared by every page.
    let charts = ChartCache()

    func render(_ plan: PagePlan) -> String {
        let root = Routes.root(ofPage: plan.urlPath)
        let directives = DirectiveRenderer(config: config, data: data, scope: plan.scope, now: now, objectURLs: objectURLs, pagePath: plan.urlPath,
                                           charts: charts)
        var content: String
        var slugs: [String] = []
        switch plan.content {
        case .dashboard(let page, let source, let markdownHTML):
            // `{param}` is replaced in the Markdown's HTML and in directive attributes,
            // never inside what directives draw (store strings are not templates).
            let html = PageText.substitute(
                markdownHTML ?? page.renderMarkdown(rewriteLink: { Routes.rewriteLink($0, fromDashboard: source.path, pageURLPath: plan.urlPath) }),
                scope: plan.scope, escape: true)
            content = page.substitute(in: html) { directive in
                var directive = directive
                for index in directive.attributes.indices {
                    directive.attributes[index].value = PageText.substitute(directive.attributes[index].value, scope: plan.scope, escape: false)
                }
                return directives.render(directive)
            }
            slugs = page.directives.flatMap(\.metricSlugs)
        case .objectIndex(let parameter):
            let metrics = config.metrics.filter { $0.per == parameter }
            content = metrics.map { metric in
                directives.render(Directive(name: "table", form: .block,
                                            attributes: [DirectiveAttribute(name: "metric", value: metric.slug, location: SourceLocation(file: "", line: 1, column: 1))],
                                            location: SourceLocation(file: "", line: 1, column: 1))).html
            }.joined(separator: "\n")
            slugs = metrics.map(\.slug)
        case .metricPage(let slug):
            content = config.metric(slug).map { MetricPageContent(renderer: directives).html($0) } ?? ""
            slugs = [slug]
        case .metricIndex:
            content = MetricPageContent(renderer: directives).index()
        }
        let used = Set(slugs)
        let metrics = config.metrics.filter { used.contains($0.slug) }
        let freshness = Freshness(metrics: metrics.isEmpty ? config.metrics : metrics, data: data, now: now, timeZone: config.timeZone)
        var page: [String: Any] = [
            "title": plan.title,
            "content": content,
            "path": plan.urlPath,
            "url": config.publicURL(of: plan.urlPath) ?? Routes.link(to: plan.urlPath, root: root),
            "is_home": plan.urlPath.isEmpty,
        ]
        if let canonical = config.publicURL(of: plan.urlPath) { page["canonical"] = canonical }
        if let description = plan.description { page["description"] = description }
        let context: [String: Any] = [
            "site": config.themeContext(root: root),
            "page": page,
            "sidebar": Self.markCurrent(Routes.link(to: navigationPath(plan), root: root), in: sidebars[root] ?? ""),
            "freshness": freshness.context,
        ]
        var html = library.render(context, withTemplate: "page") ?? ""
        if !bodySuffix.isEmpty, let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: bodySuffix, at: end.lowerBound)
        }
        // Titles and labels the theme writes through Mustache's own escaping reach here raw.
        return HTML.withoutControlCharacters(html)
    }

    /// Adds `aria-current="page"` to the last sidebar link to `url` (the first may be the site title).
    static func markCurrent(_ url: String, in sidebar: String) -> String {
        let link = Array(("href=\"" + HTML.escape(url) + "\"").utf8)
        let bytes = Array(sidebar.utf8)
        guard link.count <= bytes.count else { return sidebar }
        var start = bytes.count - link.count
        while start >= 0 {
            if bytes[start] == link[0], bytes[start..<(start + link.count)].elementsEqual(link) {
                let end = start + link.count
                return String(decoding: bytes[..<end], as: UTF8.self) + " aria-current=\"page\"" + String(decoding: bytes[end...], as: UTF8.self)
            }
            start -= 1
        }
        return sidebar
    }

    /// The sidebar entry a page highlights: an object page or a metric page highlights its folder.
    func navigationPath(_ plan: PagePlan) -> String {
        if case .metricPage = plan.content { return MetricPages.folder }
        guard plan.scope.key != nil else { return plan.urlPath }
        let parts = plan.urlPath.split(separator: "/").dropLast()
        return parts.isEmpty ? plan.urlPath : parts.joined(separator: "/") + "/"
    }
}
