import Foundation

/// Read-only source connections kept open for one collection run, so 1,000 sql
/// metrics over one source do not open it 1,000 times.
public final class SourcePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [String: [SQLiteDatabase]] = [:]

    public init() {}

    /// An open read-only connection to `path` (reused when one is idle).
    func checkout(_ path: String) throws -> SQLiteDatabase {
        if let database = lock.withLock({ idle[path]?.popLast() }) { return database }
        let database = try SQLiteDatabase(path: path, readOnly: true)
        try database.restrictToReads()
        return database
    }

    /// Hands a connection back for the next query.
    func checkin(_ database: SQLiteDatabase) {
        lock.withLock { idle[database.path, default: []].append(database) }
    }
}
