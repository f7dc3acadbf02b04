@testable import DbagKit

/// Small helpers shared by the Markdown tests.
enum MarkdownTestSupport {
    static let metrics: Set<String> = ["signups", "active-users", "comments", "revenue"]

    /// Parses a page and returns its diagnostics as `line:col: message`.
    static func errors(_ text: String, validate: Bool = true) -> [String] {
        let (page, diagnostics) = MarkdownPage.parse(text, file: "p.md")
        let all = diagnostics + (validate ? page.validate(metrics: metrics) : [])
        return all.map(short)
    }

    static func short(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.line ?? 0):\(diagnostic.column ?? 0): \(diagnostic.message)"
    }

    /// Renders a page, writing each directive as `[name attrs]` (containers as `<grid>` … `</grid>`).
    static func render(_ text: String, unsafeHTML: Bool = false) -> String {
        let (page, _) = MarkdownPage.parse(text, file: "p.md", unsafeHTML: unsafeHTML)
        return page.render(rewriteLink: { Routes.rewriteLink($0, fromDashboard: "index.md", pageURLPath: "") }) { directive in
            let attributes = directive.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            if directive.form == .container {
                return DirectiveHTML("<\(directive.name)>", closing: "</\(directive.name)>")
            }
            return DirectiveHTML("[\(directive.name)\(attributes.isEmpty ? "" : " " + attributes)]")
        }
    }
}
