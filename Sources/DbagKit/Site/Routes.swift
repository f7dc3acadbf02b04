/// Where a dashboard lands: `index.md` → `index.html` (URL `/`),
/// `details.md` → `details/index.html` (URL `details/`),
/// `team/index.md` → `team/index.html` (URL `team/`).
///
/// Every link inside the site is relative to the page it is on
/// (`../assets/style.css`, `../details/index.html`), so the site works opened
/// from disk, at a host's root and under any subpath, with no setting.
public enum Routes {
    /// The URL path (relative to the site's root) of a dashboard, given its path under dashboards/.
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

    /// The way from a page back to the site's root: `""` for the home page,
    /// `../` for `details/`, `../../` for `customers/acme/`.
    public static func root(ofPage pageURLPath: String) -> String {
        String(repeating: "../", count: pageURLPath.split(separator: "/").count)
    }

    /// A link to a site path (`details/`, `data/all.csv`) from a page whose root
    /// is `root`. A folder's link names its `index.html`, which a web server and
    /// a browser opening files from disk both find.
    public static func link(to sitePath: String, root: String) -> String {
        root + (sitePath.isEmpty || sitePath.hasSuffix("/") ? outputPath(forURLPath: sitePath) : sitePath)
    }

    /// A link from the page at `pageURLPath` to a site path, as short as it
    /// can be: `customers/acme/` from `customers/` is `acme/index.html`,
    /// `details/` from `team/build/` is `../../details/index.html`.
    /// Paths are split and compared as bytes: every stat and table row links to a
    /// page, and splitting by Character cost more than drawing the number.
    public static func relative(_ sitePath: String, fromPage pageURLPath: String) -> String {
        let slash = UInt8(ascii: "/")
        let from = pageURLPath.utf8.split(separator: slash)
        var to = sitePath.utf8.split(separator: slash)
        let isFolder = sitePath.isEmpty || sitePath.utf8.last == slash
        let file = isFolder ? "index.html" : String(Substring(to.removeLast()))
        var common = 0
        while common < from.count, common < to.count, from[common].elementsEqual(to[common]) { common += 1 }
        var link = String(repeating: "../", count: from.count - common)
        for part in to[common...] {
            link += Substring(part)
            link += "/"
        }
        return link + file
    }

    /// The dashboard a relative `.md` link points to, as a path under dashboards/,
    /// with its `#fragment`; nil for other links (absolute, external, not `.md`,
    /// or climbing above dashboards/).
    public static func dashboardTarget(_ destination: String, fromDashboard pagePath: String) -> (path: String, fragment: String)? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || destination.contains("://")
            || destination.hasPrefix("mailto:") || destination.hasPrefix("//") {
            return nil
        }
        var target = destination
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[hash...])
            target = String(target[..<hash])
        }
        guard target.hasSuffix(".md") else { return nil }
        var parts = pagePath.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else if part != "." {
                parts.append(String(part))
            }
        }
        return (parts.joined(separator: "/"), fragment)
    }

    /// Rewrites a Markdown link from the dashboard at `pagePath`, shown at
    /// `pageURLPath`: a relative link to a `.md` file becomes the relative link
    /// of its page. Other links are returned as they are.
    public static func rewriteLink(_ destination: String, fromDashboard pagePath: String, pageURLPath: String) -> String {
        guard let target = dashboardTarget(destination, fromDashboard: pagePath) else { return destination }
        return relative(urlPath(forDashboard: target.path), fromPage: pageURLPath) + target.fragment
    }
}
