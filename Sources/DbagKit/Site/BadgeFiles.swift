/// `badges/<metric>.svg`: an embeddable badge per metric (name, value, 7-day delta, sparkline).
enum BadgeFiles {
    static func files(config: Config, data: SiteData) -> [OutputFile] {
        config.metrics.map { metric in
            let view = MetricView(metric: metric, key: nil, data: data)
            let badge = Badge(name: metric.name, value: view.latest?.value, delta: view.delta(overDays: 7),
                              points: view.points(in: .days(30)), formatter: view.formatter, id: "badge-" + metric.slug)
            return OutputFile(path: "badges/\(metric.slug).svg", text: badge.render())
        }
    }
}
