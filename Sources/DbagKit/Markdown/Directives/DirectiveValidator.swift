/// Checks a page's directives against the directive set and the known metric
/// slugs, collecting every error at the directive's or attribute's location.
public struct DirectiveValidator: Sendable {
    /// The directive set to check against.
    public let schema: DirectiveSchema
    /// The slugs of every metric of the project.
    public let metrics: Set<String>

    /// A validator for a project's metrics.
    public init(schema: DirectiveSchema = .standard, metrics: Set<String>) {
        self.schema = schema
        self.metrics = metrics
    }

    /// Every error of every directive, in source order.
    public func validate(_ directives: [Directive]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for directive in directives { check(directive, into: &diagnostics) }
        return diagnostics
    }

    private func check(_ directive: Directive, into diagnostics: inout [Diagnostic]) {
        let written = Self.written(directive.name, directive.form)
        guard let spec = schema.spec(named: directive.name) else {
            let hint = Suggestion.hint(for: directive.name, in: schema.specs.keys.sorted())
            diagnostics.append(Diagnostic("unknown directive '\(written)'" + hint, at: directive.location))
            return
        }
        guard spec.form == directive.form else {
            diagnostics.append(Diagnostic(Self.wrongForm(spec), at: directive.location))
            return
        }
        for attribute in directive.attributes {
            guard let accepted = spec.attribute(named: attribute.name) else {
                let names = spec.attributes.map(\.name)
                let hint = Suggestion.hint(for: attribute.name, in: names)
                let list = hint.isEmpty ? " (accepted: \(names.joined(separator: ", ")))" : hint
                diagnostics.append(Diagnostic("unknown attribute '\(attribute.name)' for \(written)" + list, at: attribute.location))
                continue
            }
            if let message = problem(with: attribute.value, of: accepted) {
                diagnostics.append(Diagnostic(message, at: attribute.location))
            }
        }
        for group in spec.required {
            let present = directive.attributes.filter { group.contains($0.name) }
            if present.isEmpty {
                let names = group.map { "\($0)=…" }.joined(separator: " or ")
                diagnostics.append(Diagnostic("\(written) needs \(names)", at: directive.location))
            } else if present.count > 1 {
                let message = "use either \(group.joined(separator: " or ")) in \(written), not both"
                diagnostics.append(Diagnostic(message, at: present[1].location))
            }
        }
        if let compare = directive.attribute(named: "compare"), directive.name == "chart", directive["period"] == "all" {
            diagnostics.append(Diagnostic("compare=\(compare.value) needs a period such as 30d: period=all has no earlier period", at: compare.location))
        }
    }

    /// A message when a value does not fit its kind, else nil.
    private func problem(with value: String, of attribute: DirectiveSchema.Attribute) -> String? {
        switch attribute.kind {
        case .metric:
            return unknownMetric(Directive.metricSlug(value))
        case .metricList:
            for slug in Directive.metricList(value) {
                if slug.isEmpty { return "empty metric name in '\(attribute.name)=\"\(value)\"' (write metrics=\"a,b\")" }
                if let message = unknownMetric(slug) { return message }
            }
            return nil
        case .period:
            if Period(value) != nil { return nil }
            return "bad period '\(value)' (use a number of days, weeks, months or years such as "
                + Self.list(DirectiveSchema.periods) + ")"
        case .days:
            if value.hasSuffix("d"), let days = Int(value.dropLast()), (1...3660).contains(days),
               value.first != "+" { return nil }
            return "bad \(attribute.name) period '\(value)' (use a number of days such as 1d, 7d or 30d)"
        case .choice(let words):
            if words.contains(value) { return nil }
            return "bad \(attribute.name) '\(value)' (use \(Self.list(words)))"
        case .integer(let range):
            if let number = Int(value), range.contains(number), value.first != "+" { return nil }
            return "'\(attribute.name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'"
        case .day:
            return Day(value) == nil ? "bad day '\(value)' (use YYYY-MM-DD)" : nil
        case .text:
            return nil
        }
    }

    private func unknownMetric(_ slug: String) -> String? {
        if metrics.contains(slug) { return nil }
        return "unknown metric '\(slug)'" + Suggestion.hint(for: slug, in: metrics.sorted())
    }

    /// How a directive of a form is written: `::chart`, `:value`, `:::grid`.
    static func written(_ name: String, _ form: Directive.Form) -> String {
        switch form {
        case .block: "::\(name)"
        case .inline: ":\(name)"
        case .container: ":::\(name)"
        }
    }

    /// Says how a directive used in the wrong form must be written.
    static func wrongForm(_ spec: DirectiveSchema.Spec) -> String {
        let name = spec.name
        return switch spec.form {
        case .block: "\(name) is a block directive: put ::\(name){…} on its own line"
        case .inline: "\(name) is an inline directive: write :\(name){…} inside text"
        case .container: "\(name) is a container: put :::\(name){…} on its own line, then its content, then a line ':::'"
        }
    }

    /// `a, b, c or d`.
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }
}
