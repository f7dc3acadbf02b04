import Foundation

/// Maps request paths to files of the built site, refusing any path that
/// would leave it.
public enum PreviewPaths {
    /// What a request path asks for.
    public enum Route: Sendable, Equatable {
        /// A site-relative file (`details/index.html`).
        case file(String)
        /// A redirect to this absolute path (e.g. `/` → `/metrics/`).
        case redirect(String)
        /// A safe path outside the served base path.
        case notFound
        /// An unsafe or malformed path: traversal, absolute-form, NUL, backslash.
        case badRequest
    }

    /// The site-relative file for a URL path (`/details/` → `details/index.html`),
    /// or nil when the path is unsafe (`..`, encoded `%2e%2e`, NUL, backslashes).
    public static func file(forURLPath raw: String) -> String? {
        let path = raw.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.hasPrefix(".") { return nil }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if joined.isEmpty { return "index.html" }
        if decoded.hasSuffix("/") { return joined + "/index.html" }
        return joined
    }

    /// Routes a raw (still percent-encoded) request target under a base path
    /// such as `/` or `/metrics/`. Safety is judged on the whole raw path,
    /// before the base path is stripped.
    public static func route(rawPath raw: String, basePath: String) -> Route {
        let path = raw.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/"), !path.hasPrefix("//"), file(forURLPath: path) != nil else { return .badRequest }
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        if base != "/" {
            if path == "/" || path == String(base.dropLast()) { return .redirect(base) }
            guard path.hasPrefix(base) else { return .notFound }
        }
        let rest = "/" + path.dropFirst(base.count)
        guard let file = file(forURLPath: rest) else { return .badRequest }
        return .file(file)
    }

    /// The path part of a base URL: `/metrics/` stays, `https://x.org/m/` → `/m/`.
    public static func basePath(ofBaseURL baseURL: String) -> String {
        var path = baseURL
        if baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") {
            path = URLComponents(string: baseURL)?.path ?? "/"
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }
}
