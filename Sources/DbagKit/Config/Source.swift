/// Where a source database is, by engine.
public enum SourceAddress: Sendable, Hashable {
    /// An absolute path to a SQLite file.
    case sqlite(path: String)
    /// A libpq URI or `key=value` string, `${NAME}` expanded when a command runs.
    case postgres(EnvironmentString)
}

/// A database that metrics query, always read-only.
public struct Source: Sendable {
    public var name: String
    public var address: SourceAddress

    /// The keys a source may take in dbag.yml, one per engine.
    public static let engines = ["sqlite", "postgres"]

    public init(name: String, address: SourceAddress) {
        self.name = name
        self.address = address
    }

    /// A SQLite file source.
    public init(name: String, path: String) {
        self.init(name: name, address: .sqlite(path: path))
    }

    /// The engine's key in dbag.yml: `sqlite` or `postgres`.
    public var engine: String {
        switch address {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// The file of a SQLite source; nil for a network one.
    public var path: String? {
        if case .sqlite(let path) = address { return path }
        return nil
    }
}
