/// Where a dashboard lands: `index.md` → `index.html` (URL `/`),
/// `details.md` → `details/index.html` (URL `details/`),
/// `team/index.md` → `team/index.html` (URL `team/`).
public enum Routes {
    /// The URL path (relative to base_url) of a dashboard, given its path under dashboards/.
    public static func urlPath(forDashboard path: String) -> String {
        var stem = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        if stem == "index" { return "" }
        if stem.hasSuffix("/index") { stem.removeLast("index".count) ; return stem }
        return stem + "/"
    }

    /// The output file of a URL path: `details/` → `details/index.html`.
    public static func outputPath(forURLPath urlPath: String) -> String {
        urlPath + "index.html"
    }

    /// Rewrites a Markdown link from the page at `pagePath` (under dashboards/):
    /// a relative link to a `.md` file becomes the absolute pretty URL of its page.
    /// Other links are returned as they are.
    public static func rewriteLink(_ destination: String, fromDashboard pagePath: String, baseURL: String) -> String {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || destination.contains("://")
            || destination.hasPrefix("mailto:") || destination.hasPrefix("//") {
            return destination
        }
        var target = destination
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[hash...])
            target = String(target[..<hash])
        }
        guard target.hasSuffix(".md") else { return destination }
        var parts = pagePath.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." {
                if parts.isEmpty { return destination }
                parts.removeLast()
            } else if part != "." {
                parts.append(String(part))
            }
        }
        return baseURL + urlPath(forDashboard: parts.joined(separator: "/")) + fragment
    }
}
