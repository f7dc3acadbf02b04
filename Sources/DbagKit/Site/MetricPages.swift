/// The generated `metrics/` pages: where they go and which a dashboard replaces.
enum MetricPages {
    /// The folder of every metric page.
    static let folder = "metrics/"

    /// `metrics/<slug>/`.
    static func urlPath(of slug: String) -> String {
        folder + slug + "/"
    }

    /// A page per metric and the `metrics/` index, except where a dashboard
    /// (`dashboards/metrics/…`) already writes that page.
    static func plans(config: Config, taken: Set<String>) -> [PagePlan] {
        var plans: [PagePlan] = []
        if !taken.contains(folder) {
            plans.append(PagePlan(content: .metricIndex, scope: PageScope(), urlPath: folder, title: "Metrics",
                                  description: "Every metric, by category.", order: 0))
        }
        for metric in config.metrics where !taken.contains(urlPath(of: metric.slug)) {
            plans.append(PagePlan(content: .metricPage(slug: metric.slug), scope: PageScope(), urlPath: urlPath(of: metric.slug),
                                  title: metric.name, description: metric.description.isEmpty ? nil : metric.description, order: 0))
        }
        return plans
    }
}
