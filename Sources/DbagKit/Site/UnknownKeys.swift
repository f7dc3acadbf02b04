/// Warnings for `key=` attributes naming an object the store has no values
/// for: the panel would quietly say "No data yet", most often from a typo.
enum UnknownKeys {
    /// One located warning per directive whose literal `key=` is unknown for its per-object metric.
    static func warnings(in page: MarkdownPage, config: Config, data: SiteData) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for directive in page.directives {
            guard let attribute = directive.attribute(named: "key"), !attribute.value.contains("{") else { continue }
            for slug in directive.metricSlugs {
                guard let metric = config.metric(slug), metric.per != nil, data.series[slug]?[attribute.value] == nil else { continue }
                let keys = data.keys(slug)
                var message = "no values of '\(slug)' for key '\(attribute.value)' in the store"
                message += keys.isEmpty ? " (it has no values yet)" : Suggestion.hint(for: attribute.value, in: keys)
                warnings.append(Diagnostic(message + ": the panel will say \"No data yet\"", at: attribute.location, severity: .warning))
            }
        }
        return warnings
    }
}
