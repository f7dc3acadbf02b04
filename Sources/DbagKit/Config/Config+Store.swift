import Foundation

extension Config {
    /// Sets the store from `store:` or `DBAG_STORE`: a `postgresql://` (or `postgres://`)
    /// URI is a PostgreSQL store; any other `scheme://` is refused; anything else is a
    /// SQLite path, relative to `base` (the project folder by default).
    mutating func setStore(_ text: String, location: SourceLocation?, relativeTo base: URL? = nil) throws(Diagnostic) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://") {
            storeConnection = EnvironmentString(text, location: location)
            pathLocations["store"] = nil
            return
        }
        if let scheme = text.range(of: "://"), text[..<scheme.lowerBound].allSatisfy({ $0.isLetter || $0 == "+" }) {
            throw Diagnostic("store '\(text[..<scheme.lowerBound])://…' is not supported: give a SQLite file path or a postgresql:// URI")
        }
        storeConnection = nil
        storePath = ConfigLoader.resolve(text, in: base ?? directory)
        pathLocations["store"] = location
    }

    /// How messages name the store: its SQLite path, or "the PostgreSQL store" (never a password).
    public var storeName: String {
        storeConnection == nil ? storePath : "the PostgreSQL store"
    }
}
