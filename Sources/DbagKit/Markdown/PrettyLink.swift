/// Rewrites links between dashboards to the pretty URLs they are built at:
/// `details.md` → `details/`, `sub/page.md#x` → `sub/page/#x`.
public enum PrettyLink {
    /// The pretty URL for a relative link to a `.md` file; anything else
    /// (external URLs, absolute paths, anchors, other files) is returned as is.
    ///
    /// A page that is not an `index.md` is built one folder deeper
    /// (`a.md` → `a/index.html`); pass `fromIndexPage: false` for those so
    /// `details.md` becomes `../details/`.
    public static func rewrite(_ url: String, fromIndexPage: Bool = true) -> String {
        guard let first = url.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#"),
              first != UInt8(ascii: "?"), !hasScheme(url) else { return url }
        let split = url.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? url.utf8.endIndex
        let path = url[..<split]
        let rest = url[split...]
        guard path.lowercased().hasSuffix(".md") else { return url }
        var page = String(path.dropLast(3))
        if page == "index" {
            page = ""
        } else if page.hasSuffix("/index") {
            page.removeLast(5)
        } else {
            page += "/"
        }
        if !fromIndexPage { page = "../" + page }
        if page.isEmpty { page = "./" }
        return page + rest
    }

    /// True for `https:`, `mailto:` and other `scheme:` prefixes.
    private static func hasScheme(_ url: String) -> Bool {
        for (offset, byte) in url.utf8.enumerated() {
            if byte == UInt8(ascii: ":") { return offset > 0 }
            let allowed = MarkdownByte.isLetter(byte) || offset > 0 && (MarkdownByte.isDigit(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))
            if !allowed { return false }
        }
        return false
    }
}
