/// Where a source database is, by engine.
public enum SourceAddress: Sendable, Hashable {
    /// An absolute path to a SQLite file.
    case sqlite(path: String)
    /// A libpq URI or `key=value` string, `${NAME}` expanded when a command runs.
    case postgres(EnvironmentString)
    /// A `mysql://user:password@host:port/db` URL (MySQL or MariaDB), `${NAME}` expanded when a command runs.
    case mysql(EnvironmentString)

    /// A network source's connection string as written; nil for a SQLite file.
    public var connectionString: EnvironmentString? {
        switch self {
        case .sqlite: nil
        case .postgres(let text), .mysql(let text): text
        }
    }
}

/// A database that metrics query, always read-only.
public struct Source: Sendable {
    public var name: String
    public var address: SourceAddress

    /// The keys a source may take in dbag.yml, one per engine.
    public static let engines = ["sqlite", "postgres", "mysql"]

    public init(name: String, address: SourceAddress) {
        self.name = name
        self.address = address
    }

    /// A SQLite file source.
    public init(name: String, path: String) {
        self.init(name: name, address: .sqlite(path: path))
    }

    /// The engine's key in dbag.yml: `sqlite`, `postgres` or `mysql`.
    public var engine: String {
        switch address {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        case .mysql: "mysql"
        }
    }

    /// The file of a SQLite source; nil for a network one.
    public var path: String? {
        if case .sqlite(let path) = address { return path }
        return nil
    }
}
