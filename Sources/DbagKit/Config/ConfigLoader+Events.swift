import Yams

/// `events:` and `target:` in dbag.yml.
extension ConfigLoader {
    /// `events: [{ day: 2026-03-01, label: Launch, metrics: [signups] }, …]`.
    static func parseEvents(_ node: Node, reader: YAMLReader, slugs: [String]) -> [ChartEvent] {
        guard case .sequence(let items) = node else {
            reader.error("events must be a list of { day, label, metrics }", at: node)
            return []
        }
        var events: [ChartEvent] = []
        for item in items {
            guard let fields = reader.mapping(item, allowed: ["day", "label", "metrics"], what: "an event") else { continue }
            var day: Day?, label: String?, metrics: [String] = []
            for (key, _, value) in fields {
                switch key {
                case "day":
                    if let text = reader.string(value, key: key) {
                        day = Day(text)
                        if day == nil { reader.error("an event's day must be YYYY-MM-DD, not '\(text)'", at: value) }
                    }
                case "label": label = reader.string(value, key: key)
                default: metrics = parseSlugList(value, reader: reader, slugs: slugs)
                }
            }
            guard let day, let label, !label.isEmpty else {
                reader.error("an event needs a day and a label ({ day: 2026-03-01, label: Launch })", at: item)
                continue
            }
            events.append(ChartEvent(day: day, label: label, metrics: metrics))
        }
        return events
    }

    /// `metrics: [a, b]` (or one slug), each a known metric.
    static func parseSlugList(_ node: Node, reader: YAMLReader, slugs: [String]) -> [String] {
        let nodes: [Node]
        if case .sequence(let items) = node { nodes = Array(items) } else { nodes = [node] }
        return nodes.compactMap { item in
            guard let slug = reader.string(item, key: "metrics") else { return nil }
            guard slugs.contains(slug) else {
                reader.error("unknown metric '\(slug)' in an event" + Suggestion.hint(for: slug, in: slugs), at: item)
                return nil
            }
            return slug
        }
    }

    /// `target: 500` or `target: { value: 500, by: 2026-12-31 }`.
    static func parseTarget(_ node: Node, reader: YAMLReader, slug: String) -> MetricTarget? {
        guard case .mapping = node else { return reader.number(node, key: "target").map { MetricTarget(value: $0) } }
        guard let fields = reader.mapping(node, allowed: ["value", "by"], what: "target of '\(slug)'") else { return nil }
        var value: Double?, by: Day?
        for (key, _, field) in fields {
            if key == "value" {
                value = reader.number(field, key: key)
            } else if let text = reader.string(field, key: key) {
                by = Day(text)
                if by == nil { reader.error("'by' must be a day as YYYY-MM-DD, not '\(text)'", at: field) }
            }
        }
        guard let value else {
            if fields.allSatisfy({ $0.key != "value" }) { reader.error("target of '\(slug)' needs a value ({ value: 500, by: 2026-12-31 })", at: node) }
            return nil
        }
        return MetricTarget(value: value, by: by)
    }
}
