/// What a directive becomes in the page: its HTML, and for a container the
/// HTML that closes it (`<div class="grid" style="--columns:3">` and `</div>`).
public struct DirectiveHTML: Sendable, Hashable, ExpressibleByStringLiteral {
    /// A block's or inline directive's HTML, or a container's opening HTML.
    public var html: String
    /// A container's closing HTML (unused for other forms).
    public var closingHTML: String

    /// HTML for a directive; `closing` only for containers.
    public init(_ html: String, closing closingHTML: String = "") {
        self.html = html
        self.closingHTML = closingHTML
    }

    /// A block or inline directive's HTML.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
