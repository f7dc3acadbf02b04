import Foundation

/// One page the build will write: its parsed dashboard (or a generated index),
/// what it is about, and where it goes.
struct PagePlan: Sendable {
    enum Content: Sendable {
        /// A dashboard, rendered with its directives. `markdownHTML` is the page's
        /// Markdown already rendered (directives still placeholders), shared by
        /// every object page of a template; nil for normal pages.
        case dashboard(MarkdownPage, source: DashboardSource, markdownHTML: String?)
        /// The generated index of a template folder: every object of `parameter`.
        case objectIndex(parameter: String)
        /// A metric's own page, `metrics/<slug>/`.
        case metricPage(slug: String)
        /// `metrics/`: every metric, grouped by category.
        case metricIndex
    }

    var content: Content
    var scope: PageScope
    /// Path relative to the site's root (`customers/acme/`).
    var urlPath: String
    var title: String
    var description: String?
    var order: Double

    /// Whether the page is a dashboard (or an object's page), not one dbag generates.
    var isDashboard: Bool {
        if case .dashboard = content { return true }
        return false
    }
}

/// Titles and `{param}` substitution for dashboards.
enum PageText {
    /// The title a page's text gives itself: its first `# Heading` line when front
    /// matter has no title. That line is blanked (keeping line numbers) so the
    /// theme's heading is the only one.
    static func extractHeading(_ text: String) -> (text: String, heading: String?) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        if lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true {
            index = 1
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespacesAndNewlines) != "---" { index += 1 }
            index += 1
        }
        while index < lines.count, lines[index].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { index += 1 }
        guard index < lines.count, lines[index].hasPrefix("# ") else { return (text, nil) }
        let heading = lines[index].dropFirst(2).trimmingCharacters(in: .whitespacesAndNewlines)
        lines[index] = ""
        return (lines.joined(separator: "\n"), heading.isEmpty ? nil : heading)
    }

    /// Replaces `{param}` and `{param.label}` with the scope's key and label:
    /// as they are in plain text, or, when `escape` (the text is HTML), each
    /// written for where it stands (``TemplateHTML``).
    static func substitute(_ text: String, scope: PageScope, escape: Bool) -> String {
        guard let parameter = scope.parameter, let key = scope.key else { return text }
        let label = scope.label ?? key
        if escape { return TemplateHTML.substitute(text, parameter: parameter, key: key, label: label) }
        let bytes = Array(text.utf8)
        let open = Array(("{" + parameter).utf8)
        guard MarkdownByte.occurs(open, in: bytes) else { return text }
        let keyToken = open + [UInt8(ascii: "}")]
        let labelToken = open + Array(".label}".utf8)
        let keyText = Array(key.utf8)
        let labelText = Array(label.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{") {
                if bytes[i...].starts(with: labelToken) {
                    out += labelText
                    i += labelToken.count
                    continue
                }
                if bytes[i...].starts(with: keyToken) {
                    out += keyText
                    i += keyToken.count
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `customers/[customer].md` → `Customers`, `build-times.md` → `Build times`.
    static func title(fromPath path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let base = name == "index" ? (folder.isEmpty ? "Home" : folder) : name
        return Metric.title(fromSlug: base.replacingOccurrences(of: "_", with: "-"))
    }
}
