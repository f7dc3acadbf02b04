import Foundation

/// Transactions, schema versions and the journal mode, on top of `SQLiteDatabase`'s calls.
extension SQLiteDatabase {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// `PRAGMA user_version`: the schema version migrations have reached.
    public var userVersion: Int {
        get throws(SQLiteError) {
            let statement = try prepare("PRAGMA user_version")
            _ = try statement.step()
            return statement.int(0)
        }
    }

    /// Applies `migrations[userVersion...]` in order, all in one `BEGIN IMMEDIATE`
    /// transaction that reads `user_version` again once it holds the write lock, so
    /// several processes opening a new store at once migrate it exactly once.
    public func migrate(_ migrations: [String]) throws {
        if try checkedVersion(migrations.count) == migrations.count { return }
        try transaction {
            let version = try checkedVersion(migrations.count)
            for sql in migrations.dropFirst(version) {
                try execute(sql)
            }
            if version < migrations.count {
                try execute("PRAGMA user_version = \(migrations.count)")
            }
        }
    }

    /// `userVersion`, refused when newer than `known`.
    private func checkedVersion(_ known: Int) throws(SQLiteError) -> Int {
        let version = try userVersion
        guard version <= known else {
            throw SQLiteError(code: 1 /* SQLITE_ERROR */, message: "\(path) has schema version \(version), newer than this dbag knows (\(known)); upgrade dbag")
        }
        return version
    }

    /// Switches to WAL (a no-op when already so). Another process switching or
    /// migrating at the same moment can hold the lock past the busy handler, so
    /// this retries until the busy timeout has passed, then reports the mode it got.
    public func useWAL(timeout: Double = 10) throws(SQLiteError) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do throws(SQLiteError) {
                let statement = try prepare("PRAGMA journal_mode = WAL")
                _ = try statement.step()
                let mode = statement.string(0).lowercased()
                guard mode == "wal" else {
                    throw SQLiteError(code: 1 /* SQLITE_ERROR */, message: "\(path) cannot use WAL mode (journal mode is \(mode))")
                }
                return
            } catch where [5, 6].contains(error.code & 0xff) /* SQLITE_BUSY, SQLITE_LOCKED */ {
                guard Date() < deadline else { throw error }
                usleep(20_000)
            }
        }
    }
}
