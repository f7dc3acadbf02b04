/// A parsed dashboard: front matter, directives found in its Markdown, and
/// the Markdown itself ready to render once each directive's HTML is known.
///
/// ```swift
/// let (page, errors) = MarkdownPage.parse(text, file: "dashboards/index.md")
/// let html = page.render { directive in DirectiveHTML(chartHTML(for: directive)) }
/// ```
public struct MarkdownPage: Sendable {
    /// The file the page was read from, as used in diagnostics.
    public let file: String
    /// Title, description, order and draft.
    public let frontMatter: FrontMatter
    /// Every directive of the page, in source order (containers before their content).
    public let directives: [Directive]
    /// Whether raw HTML in the Markdown is kept (`unsafe_html: true`).
    public let unsafeHTML: Bool
    /// The body with each directive replaced by a placeholder token.
    let markdown: String
    let placeholders: DirectivePlaceholders

    /// Parses a page's text. Errors (front matter, directive syntax, unclosed
    /// or stray containers) are all collected, in source order.
    public static func parse(_ text: String, file: String, unsafeHTML: Bool = false) -> (page: MarkdownPage, diagnostics: [Diagnostic]) {
        let split = FrontMatter.split(text, file: file)
        let body = SourceText(normalizedBytes: Array(split.body.utf8))
        let literal = Self.mayHaveLiteralBlocks(body.bytes) ? CommonMark.literalBlockLines(split.body) : []
        let scan = DirectiveScanner.scan(body, file: file, lineOffset: split.bodyLineOffset, literalLines: literal)
        let page = MarkdownPage(file: file, frontMatter: split.frontMatter, directives: scan.directives,
                                unsafeHTML: unsafeHTML, markdown: scan.markdown, placeholders: scan.placeholders)
        return (page, split.diagnostics + scan.diagnostics.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
    }

    /// Checks every directive against the directive set and the known metric slugs.
    public func validate(metrics: Set<String>, schema: DirectiveSchema = .standard) -> [Diagnostic] {
        if let tooMany = PageLimits.directiveError(directives) { return [tooMany] }
        return DirectiveValidator(schema: schema, metrics: metrics).validate(directives)
    }

    /// Renders the page to HTML. `resolve` is called once per directive and
    /// gives its HTML (a container's opening and closing HTML);
    /// `rewriteLink` maps each link destination (the site builder turns `.md` links into page URLs).
    public func render(rewriteLink: (String) -> String = { $0 },
                       resolve: (Directive) -> DirectiveHTML) -> String {
        substitute(in: renderMarkdown(rewriteLink: rewriteLink), resolve: resolve)
    }

    /// Every link destination of the page's Markdown, in order (cmark is skipped
    /// when the text has no `](` or `]:` that could make one).
    public var linkDestinations: [String] {
        guard markdown.contains("](") || markdown.contains("]:") else { return [] }
        return CommonMark.linkDestinations(markdown)
    }

    /// The first half of `render`: the Markdown as HTML, directives still as
    /// placeholder tokens. A template renders this once and substitutes per object.
    public func renderMarkdown(rewriteLink: (String) -> String = { $0 }) -> String {
        CommonMark.render(markdown, unsafe: unsafeHTML, rewriteLink: rewriteLink)
    }

    /// The second half of `render`: replaces each placeholder in `html` by its directive's HTML.
    public func substitute(in html: String, resolve: (Directive) -> DirectiveHTML) -> String {
        placeholders.substitute(in: html, directives: directives, resolve: resolve)
    }

    /// False only when the text cannot hold a code or HTML block: no `<`, no
    /// fence, no tab and no four spaces in a row (cmark is skipped then).
    static func mayHaveLiteralBlocks(_ bytes: [UInt8]) -> Bool {
        var run = 0, runByte: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\t") { return true }
            run = byte == runByte ? run + 1 : 1
            runByte = byte
            switch byte {
            case UInt8(ascii: "`"), UInt8(ascii: "~"): if run == 3 { return true }
            case UInt8(ascii: " "): if run == 4 { return true }
            default: break
            }
        }
        return false
    }
}
