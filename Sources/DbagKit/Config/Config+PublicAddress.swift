import Foundation

/// `base_url`: the site's public address. Links inside the site are relative
/// and never use it; it is only written where an absolute URL is needed
/// (the canonical link of each page).
extension Config {
    /// `https://example.org/metrics/` or `/metrics/` with its trailing slash;
    /// an error for anything else (`./`, `metrics/`, `file:///…`, a query).
    public static func validatedBaseURL(_ text: String) throws(Diagnostic) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "/" }
        let why = "base_url is the site's public address, such as https://example.org/metrics/ (or a path such as /metrics/)"
        if trimmed.lowercased().hasPrefix("file:") {
            throw Diagnostic("'\(text)' is a file URL, not a public address: links inside the site are relative, so site/index.html opens from disk as it is (leave base_url out)")
        }
        if trimmed.contains(where: { $0.isWhitespace }) || trimmed.contains("?") || trimmed.contains("#") {
            throw Diagnostic("'\(text)' is not a usable address: \(why), without spaces, query or fragment")
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let parts = URLComponents(string: trimmed), let host = parts.host, !host.isEmpty,
                  !parts.path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
                throw Diagnostic("'\(text)' is not a valid URL: \(why)")
            }
            return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        }
        guard trimmed.hasPrefix("/"), !trimmed.hasPrefix("//"),
              !trimmed.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw Diagnostic("'\(text)' is not a public address: \(why); links inside the site are relative already, so no setting is needed to open it from disk or under a subpath")
        }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// The absolute URL of a page (`details/` → `https://example.org/metrics/details/`),
    /// or nil when base_url is not a full `http(s)://` address.
    public func publicURL(of urlPath: String) -> String? {
        let lower = baseURL.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        return baseURL + urlPath
    }

    /// The theme's `site` context for a page whose way back to the root is `root`:
    /// `title`, `root` (relative, `../`), `url` (the public address, when it is a
    /// full URL) and `base_url` (the same as `root`, for themes written before
    /// links were relative).
    public func themeContext(root: String) -> [String: Any] {
        var site: [String: Any] = ["title": title, "root": root, "base_url": root]
        if let url = publicURL(of: "") { site["url"] = url }
        return site
    }
}
