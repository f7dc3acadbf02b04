import Foundation

/// A whole project's settings, loaded from dbag.yml.
public struct Config: Sendable {
    /// The folder that holds dbag.yml.
    public var directory: URL
    public var title: String
    /// The site's public address (`base_url`): `/` (unset), a path such as
    /// `/metrics/`, or a full URL; always ends with `/`. Links inside the site
    /// are relative and never use it.
    public var baseURL: String
    public var theme: String
    /// Absolute path of the store, when it is a SQLite file (the default).
    public var storePath: String
    /// The PostgreSQL connection string of the store, `${NAME}` and all, when `store:`
    /// (or the environment variable `DBAG_STORE`) is a `postgresql://` URI; nil for SQLite.
    public var storeConnection: EnvironmentString?
    public var timeZone: TimeZone
    public var unsafeHTML: Bool
    public var sources: [String: Source]
    /// Metrics in the order dbag.yml declares them.
    public var metrics: [Metric]
    /// `events:` from dbag.yml (the store's are added at build time).
    public var events: [ChartEvent] = []
    /// Whether metric pages show each metric's SQL (`show_queries: true`).
    public var showQueries = false
    /// Where dbag.yml names a path: `store`, and `sources.NAME` for each SQLite source.
    public var pathLocations: [String: SourceLocation] = [:]

    public init(directory: URL, title: String = "Metrics", baseURL: String = "/", theme: String = "default",
                storePath: String? = nil, timeZone: TimeZone = .gmt,
                unsafeHTML: Bool = false, sources: [String: Source] = [:], metrics: [Metric] = []) {
        self.directory = directory
        self.title = title
        self.baseURL = Config.normalizedBaseURL(baseURL)
        self.theme = theme
        self.storePath = storePath ?? directory.appendingPathComponent(".dbag/metrics.sqlite").path
        self.timeZone = timeZone
        self.unsafeHTML = unsafeHTML
        self.sources = sources
        self.metrics = metrics
    }

    /// The metric with this slug.
    public func metric(_ slug: String) -> Metric? {
        metrics.first { $0.slug == slug }
    }

    /// The dashboards folder.
    public var dashboardsDirectory: URL {
        directory.appendingPathComponent("dashboards", isDirectory: true)
    }

    /// `metrics` → `/metrics/`, `` → `/`.
    public static func normalizedBaseURL(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("http://") || s.hasPrefix("https://") {
            if !s.hasSuffix("/") { s += "/" }
            return s
        }
        if !s.hasPrefix("/") { s = "/" + s }
        if !s.hasSuffix("/") { s += "/" }
        return s
    }
}
