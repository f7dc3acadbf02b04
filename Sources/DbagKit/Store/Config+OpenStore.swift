import Foundation

extension Config {
    /// Opens the store for writing, creating and migrating it: the SQLite file at
    /// `storePath`, or the PostgreSQL database `storeConnection` names.
    public func openStore() throws -> any Store {
        guard let connection = storeConnection else { return try MetricStore(path: storePath) }
        guard let store = try PostgreSQLStore.open(try connection.expand()) else {
            throw Diagnostic("the PostgreSQL store could not be opened")
        }
        return store
    }

    /// Opens the store to read; nil when it does not exist yet (no values).
    public func openStoreForReading() throws -> (any Store)? {
        guard let connection = storeConnection else {
            guard FileManager.default.fileExists(atPath: storePath) else { return nil }
            return try MetricStore(path: storePath, readOnly: true)
        }
        return try PostgreSQLStore.open(try connection.expand(), readOnly: true)
    }
}
