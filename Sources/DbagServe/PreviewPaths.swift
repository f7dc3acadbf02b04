import Foundation

/// Maps request paths to files of the built site, refusing any path that
/// would leave it.
public enum PreviewPaths {
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
}
