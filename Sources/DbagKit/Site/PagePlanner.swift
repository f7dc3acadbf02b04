/// Stage 5: decides every page of the site — one per dashboard, one per object
/// for each template, an index for each template folder that lacks one, and the
/// metric pages (`metrics/`) no dashboard replaces.
struct PagePlanner {
    let config: Config
    let data: SiteData
    private(set) var plans: [PagePlan] = []
    private(set) var navigationItems: [NavItem] = []
    /// Template parameter → object key → its page's path from the site's root.
    private(set) var objectURLs: [String: [String: String]] = [:]
    private var templateFolders: [String: String] = [:]
    /// The `order` a template's front matter gives its folder's generated index.
    private var templateOrders: [String: Double] = [:]
    private var indexedFolders = Set<String>()

    init(config: Config, data: SiteData) {
        self.config = config
        self.data = data
    }

    /// The keys of every metric declared `per: parameter`, in the store and in series.
    func keys(of parameter: String) -> [String] {
        Set(config.metrics.filter { $0.per == parameter }.flatMap { data.keys($0.slug) }).sorted()
    }

    /// An object's label from any metric `per: parameter` that has one.
    func label(of key: String, parameter: String) -> String {
        for metric in config.metrics where metric.per == parameter {
            if let label = data.labels[metric.slug]?[key] { return label }
        }
        return key
    }

    mutating func add(source: DashboardSource, page: MarkdownPage, heading: String?) {
        let order = page.frontMatter.order ?? 0
        guard let parameter = source.templateParameter else {
            let urlPath = Routes.urlPath(forDashboard: source.path)
            let title = page.frontMatter.title ?? heading ?? PageText.title(fromPath: source.path)
            if urlPath.hasSuffix("/") || urlPath.isEmpty, source.path.hasSuffix("index.md") { indexedFolders.insert(source.folder) }
            plans.append(PagePlan(content: .dashboard(page, source: source, markdownHTML: nil), scope: PageScope(), urlPath: urlPath,
                                  title: title, description: page.frontMatter.description, order: order))
            navigationItems.append(NavItem(title: title, urlPath: urlPath, order: order))
            return
        }
        templateFolders[source.folder] = parameter
        if let order = page.frontMatter.order { templateOrders[source.folder] = order }
        let keys = keys(of: parameter)
        let segments = ObjectSegments(keys: keys)
        let markdownHTML = page.renderMarkdown(rewriteLink: {
            Routes.rewriteLink($0, fromDashboard: source.path, pageURLPath: source.folder + "object/")
        })
        for key in keys {
            guard let segment = segments[key] else { continue }
            let scope = PageScope(parameter: parameter, key: key, label: label(of: key, parameter: parameter))
            let urlPath = source.folder + segment + "/"
            let title = PageText.substitute(page.frontMatter.title ?? heading ?? "{\(parameter).label}", scope: scope, escape: false)
            let description = page.frontMatter.description.map { PageText.substitute($0, scope: scope, escape: false) }
            plans.append(PagePlan(content: .dashboard(page, source: source, markdownHTML: markdownHTML), scope: scope, urlPath: urlPath,
                                  title: title, description: description, order: order))
            objectURLs[parameter, default: [:]][key] = urlPath
        }
    }

    /// The plans, with generated indexes for template folders that have no index.md.
    /// An index takes its template's `order`; without one it comes after every hand-written page.
    mutating func finish() -> [PagePlan] {
        let afterWritten = (navigationItems.map(\.order).max() ?? 0) + 1
        for (folder, parameter) in templateFolders.sorted(by: { $0.key < $1.key }) where !folder.isEmpty && !indexedFolders.contains(folder) {
            let title = PageText.title(fromPath: folder + "index.md")
            let order = templateOrders[folder] ?? afterWritten
            plans.append(PagePlan(content: .objectIndex(parameter: parameter), scope: PageScope(), urlPath: folder,
                                  title: title, description: nil, order: order))
            navigationItems.append(NavItem(title: title, urlPath: folder, order: order))
        }
        let metricPages = MetricPages.plans(config: config, taken: Set(plans.map(\.urlPath)))
        if metricPages.contains(where: { $0.urlPath == MetricPages.folder }) {
            navigationItems.append(NavItem(title: "Metrics", urlPath: MetricPages.folder, order: afterWritten + 1))
        }
        plans += metricPages
        return plans
    }
}
