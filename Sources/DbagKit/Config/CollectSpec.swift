import Foundation

/// How a metric's values are collected, as its `collect:` says in dbag.yml.
/// Config only describes; `Collect/` runs it (`CollectSpec.collector`).
public enum CollectSpec: Sendable {
    /// `collect: { source: app, sql: "SELECT …" }`: a query against a source opened read-only.
    case sql(SQLQuery)
    /// `collect: { command: "…", timeout: 30s }`: a shell command, its first number.
    case command(String, timeout: Double)
    /// `collect: { http: "https://…", json: a.b.0.c, timeout: 10s, headers: {…} }`: a GET, a value in its body.
    case http(URL, json: String?, timeout: Double, headers: [String: EnvironmentString])

    /// Every kind with the keys its `collect:` mapping accepts, in the order `dbag metrics` names them.
    public static let kinds: [(kind: String, keys: [String])] = [
        ("sql", ["sql", "source", "timeout"]),
        ("command", ["command", "timeout"]),
        ("http", ["http", "json", "timeout", "headers"]),
    ]

    /// The kind shown by `dbag metrics`: sql, command or http.
    public var kind: String {
        switch self {
        case .sql: "sql"
        case .command: "command"
        case .http: "http"
        }
    }

    /// The query of an sql collector, else nil.
    public var query: SQLQuery? {
        if case .sql(let query) = self { return query }
        return nil
    }
}

/// A query on a named source, as dbag.yml writes it in `collect:` (one value
/// today) or `series:` (`day, value` or `day, key, value` rows at build time).
public struct SQLQuery: Sendable {
    /// The source's name in dbag.yml.
    public var source: String
    /// The query as written, run read-only.
    public var sql: String
    /// Seconds before the query is interrupted.
    public var timeout: Double
    /// Where the query is in dbag.yml.
    public var sqlLocation: SourceLocation?

    /// A query on `source`, interrupted after `timeout` seconds.
    public init(source: String, sql: String, timeout: Double = 30, sqlLocation: SourceLocation? = nil) {
        self.source = source
        self.sql = sql
        self.timeout = timeout
        self.sqlLocation = sqlLocation
    }
}
