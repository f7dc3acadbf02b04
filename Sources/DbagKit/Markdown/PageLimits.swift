import Foundation

/// How big a dashboard may be, so a build's memory stays bounded (well under
/// 500 MB): a dashboard file is at most 5 MB, and a page holds at most 5,000
/// directives.
public enum PageLimits {
    /// The largest dashboard file, in bytes.
    public static let dashboardBytes = 5 * 1024 * 1024
    /// The most directives one page may hold.
    public static let directives = 5_000

    /// An error when a dashboard file of `bytes` is too large to build.
    static func sizeError(bytes: Int, file: String) -> Diagnostic? {
        guard bytes > dashboardBytes else { return nil }
        let megabytes = String(format: "%.1f", Double(bytes) / 1_048_576)
        return Diagnostic("dashboard is \(megabytes) MB; the limit is \(dashboardBytes / 1_048_576) MB: split it into several pages", file: file)
    }

    /// An error at the first directive past the limit, counting the page's directives by kind.
    static func directiveError(_ directives: [Directive]) -> Diagnostic? {
        guard directives.count > Self.directives else { return nil }
        var counts: [String: Int] = [:]
        for directive in directives { counts[directive.name, default: 0] += 1 }
        let kinds = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\(number($0.value)) \(plural($0.key, $0.value))" }.joined(separator: ", ")
        return Diagnostic("page has \(number(directives.count)) directives (\(kinds)); the limit is \(number(Self.directives)) per page: split it into several pages",
                          at: directives[Self.directives].location)
    }

    /// `chart` → `charts`, `heatmap` → `heatmaps`.
    private static func plural(_ name: String, _ count: Int) -> String {
        count == 1 ? name : name + "s"
    }

    /// `100000` → `100,000`.
    static func number(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
