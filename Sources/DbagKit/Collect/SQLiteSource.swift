import Foundation

/// A SQLite file opened read-only and restricted to reads (`SQLiteDatabase.restrictToReads`:
/// one statement, nothing that writes, attaches or loads); a query past its timeout is interrupted.
final class SQLiteSource: SourceConnection, @unchecked Sendable {
    static let maxConnections = Int.max
    let database: SQLiteDatabase
    let isUsable = true

    init(path: String) throws(CollectError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CollectError("source database \(path) does not exist")
        }
        do {
            database = try SQLiteDatabase(path: path, readOnly: true)
            try database.restrictToReads()
        } catch {
            throw CollectError(error.description)
        }
    }

    func query<T>(_ sql: String, timeout: Double, location: SourceLocation?,
                  _ body: (any SourceRows) throws -> T) throws(CollectError) -> T {
        let statement = try prepared(sql, location: location)
        let database = database
        let alarm = DispatchWorkItem { database.interrupt() }
        Blocking.after(timeout, alarm)
        defer { alarm.cancel() }
        do {
            let result = try body(SQLiteRows(statement, timeout: timeout))
            alarm.cancel()  // before another query can use the connection
            return result
        } catch let error as SQLiteError {
            throw SQLiteRows.failure(error, timeout: timeout)
        } catch let error as CollectError {
            throw error
        } catch {
            throw CollectError("\(error)")
        }
    }

    func prepare(_ sql: String, location: SourceLocation?) throws(CollectError) {
        _ = try prepared(sql, location: location)
    }

    private func prepared(_ sql: String, location: SourceLocation?) throws(CollectError) -> SQLiteStatement {
        do {
            return try database.prepareRead(sql)
        } catch {
            throw CollectError(error.description, location: location)
        }
    }
}

/// A prepared SQLite statement read as source rows.
final class SQLiteRows: SourceRows {
    let statement: SQLiteStatement
    let columnNames: [String]
    let timeout: Double

    init(_ statement: SQLiteStatement, timeout: Double) {
        self.statement = statement
        self.timeout = timeout
        columnNames = (0..<statement.columnCount).map { statement.columnName($0) }
    }

    var sql: String { statement.sql }

    func next() throws(CollectError) -> Bool {
        do {
            return try statement.step()
        } catch {
            throw SQLiteRows.failure(error, timeout: timeout)
        }
    }

    /// An error worded for the user; an interrupt is the timeout.
    static func failure(_ error: SQLiteError, timeout: Double) -> CollectError {
        if error.code & 0xff == 9 /* SQLITE_INTERRUPT */ {
            return CollectError("query timed out after \(DurationText.format(timeout)) (in `\(error.sql ?? "")`)")
        }
        return CollectError(error.description)
    }

    func value(_ column: Int) -> SourceValue {
        switch statement.value(column) {
        case .null: .null
        case .integer(let n): .integer(n)
        case .real(let d): .real(d)
        case .text(let t): .text(t)
        }
    }
}
