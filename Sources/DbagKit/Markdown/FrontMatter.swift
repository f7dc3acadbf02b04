/// The optional YAML block at the top of a dashboard, between `---` lines.
public struct FrontMatter: Sendable, Hashable {
    /// The page title, shown in the sidebar and `<title>`.
    public var title: String?
    /// A one-line summary of the page.
    public var description: String?
    /// Sort position in the sidebar (lower first).
    public var order: Double?
    /// A draft page is not built.
    public var draft: Bool

    /// The keys a front matter block may contain.
    public static let keys = ["title", "description", "order", "draft"]

    /// Front matter with the given values (all optional).
    public init(title: String? = nil, description: String? = nil, order: Double? = nil, draft: Bool = false) {
        self.title = title
        self.description = description
        self.order = order
        self.draft = draft
    }

    /// The result of splitting a page into front matter and body.
    public struct Split: Sendable {
        /// The parsed front matter (all defaults when there is none).
        public var frontMatter: FrontMatter
        /// The Markdown after the closing `---`.
        public var body: String
        /// How many lines of the file come before the body's first line.
        public var bodyLineOffset: Int
        /// Located errors, with lines counted in the whole file.
        public var diagnostics: [Diagnostic]
    }

    /// Splits front matter from a page's text. Lines in diagnostics are lines of the file.
    public static func split(_ text: String, file: String) -> Split {
        let bytes = SourceText.normalize(text)
        guard let open = fenceEnd(bytes, from: 0, marks: [dashes]) else {
            return Split(frontMatter: FrontMatter(), body: String(decoding: bytes, as: UTF8.self), bodyLineOffset: 0, diagnostics: [])
        }
        var lineStart = open
        var line = 2
        while lineStart < bytes.count {
            if let end = fenceEnd(bytes, from: lineStart, marks: [dashes, dots]) {
                let yaml = String(decoding: bytes[open..<lineStart], as: UTF8.self)
                let body = String(decoding: bytes[end...], as: UTF8.self)
                var diagnostics: [Diagnostic] = []
                let frontMatter = parse(yaml, file: file, lineOffset: 1, diagnostics: &diagnostics)
                return Split(frontMatter: frontMatter, body: body, bodyLineOffset: line, diagnostics: diagnostics)
            }
            guard let next = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            lineStart = next + 1
            line += 1
        }
        let error = Diagnostic("front matter is not closed: add a line '---' after it", file: file, line: 1, column: 1)
        return Split(frontMatter: FrontMatter(), body: "", bodyLineOffset: 0, diagnostics: [error])
    }

    private static let dashes = Array("---".utf8)
    private static let dots = Array("...".utf8)

    /// When the line at `start` is a fence (`---` or `...`, trailing blanks allowed),
    /// the offset just after it (past its line feed).
    private static func fenceEnd(_ bytes: [UInt8], from start: Int, marks: [[UInt8]]) -> Int? {
        guard start < bytes.count else { return nil }
        for mark in marks where bytes[start...].starts(with: mark) {
            var i = start + mark.count
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
            if i == bytes.count { return i }
            if bytes[i] == UInt8(ascii: "\n") { return i + 1 }
        }
        return nil
    }

    /// Reads the YAML mapping; `lineOffset` lines of the file precede the YAML's first line.
    private static func parse(_ yaml: String, file: String, lineOffset: Int, diagnostics: inout [Diagnostic]) -> FrontMatter {
        var frontMatter = FrontMatter()
        let reader = YAMLReader(file: file)
        defer {
            diagnostics += reader.diagnostics.map { diagnostic in
                var moved = diagnostic
                moved.line = diagnostic.line.map { $0 + lineOffset }
                if moved.line == nil { moved.line = lineOffset }
                return moved
            }
        }
        guard let node = reader.compose(yaml) else { return frontMatter }
        guard let pairs = reader.mapping(node, allowed: keys, what: "front matter") else { return frontMatter }
        for (key, _, value) in pairs {
            switch key {
            case "title": frontMatter.title = reader.string(value, key: key)
            case "description": frontMatter.description = reader.string(value, key: key)
            case "order": frontMatter.order = reader.number(value, key: key)
            case "draft": frontMatter.draft = reader.bool(value, key: key) ?? false
            default: break
            }
        }
        return frontMatter
    }
}
