import CSQLite
import Foundation

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
private let SQLITE_STATIC = unsafeBitCast(0, to: sqlite3_destructor_type.self)

/// A connection to one SQLite file, used by one thread at a time (it may move between
/// threads; every store and source connection is used by one caller at once). So it is
/// opened without SQLite's per-connection mutex (`SQLITE_OPEN_NOMUTEX`), which would
/// otherwise be taken and released on every call; `interrupt()` alone may come from another thread.
public final class SQLiteDatabase: @unchecked Sendable {
    let handle: OpaquePointer
    public let path: String
    /// Set by `restrictToReads()`; kept alive here for the authorizer.
    private var readRule: SQLiteReadRule?

    /// Opens a database; `readOnly` never creates the file and refuses writes.
    public init(path: String, readOnly: Bool = false, busyTimeout: Int32 = 10_000) throws(SQLiteError) {
        self.path = path
        var db: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, message: "cannot open \(path): \(message)")
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeout)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    /// Compiles one statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql)
    }

    /// Compiles a query that must only read: one statement (trailing whitespace, comments
    /// and `;` are fine), no NUL byte, and nothing `sqlite3_stmt_readonly` calls a write
    /// (`VACUUM INTO`). On a connection from `restrictToReads()`, the authorizer also refuses
    /// ATTACH, pragma writes and `load_extension`.
    public func prepareRead(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        guard !sql.utf8.contains(0) else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "the query contains a NUL byte", sql: sql)
        }
        readRule?.refusal = nil
        let statement: SQLiteStatement
        do throws(SQLiteError) {
            statement = try prepare(sql)
        } catch where readRule?.refusal != nil {
            throw readRule?.error(sql: sql) ?? error
        }
        guard !holdsStatement(statement.rest) else {
            let second = statement.rest.drop { $0.isWhitespace || $0 == ";" }.prefix(60)
            throw SQLiteError(code: SQLITE_MISUSE, message: "the query holds more than one statement (the second begins `\(second)`); give one SELECT", sql: sql)
        }
        guard sqlite3_stmt_readonly(statement.handle) != 0 else {
            throw SQLiteError(code: SQLITE_AUTH, message: "the query would write; a metric's query may only read", sql: sql)
        }
        return statement
    }

    /// Whether `text` holds a statement (or text that is not SQL), not only whitespace, comments and `;`.
    private func holdsStatement(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                guard var cursor = text.baseAddress else { return false }
                while cursor.pointee != 0 {
                    var statement: OpaquePointer?
                    var tail: UnsafePointer<CChar>?
                    let rc = sqlite3_prepare_v2(handle, cursor, -1, &statement, &tail)
                    sqlite3_finalize(statement)
                    guard rc == SQLITE_OK, statement == nil, let tail, tail > cursor else { return true }
                    cursor = tail
                }
                return false
            }
        }
    }

    /// Makes this connection read-only for any SQL it is given: `query_only`, an untrusted
    /// schema (views and triggers in the file cannot call risky functions), and an
    /// authorizer that allows reading and nothing else.
    public func restrictToReads() throws(SQLiteError) {
        try execute("PRAGMA query_only = 1; PRAGMA trusted_schema = 0")
        let rule = SQLiteReadRule()
        readRule = rule
        sqlite3_set_authorizer(handle, authorizeRead, Unmanaged.passUnretained(rule).toOpaque())
    }

    /// Asks a running statement to stop (used for timeouts); safe from any thread.
    public func interrupt() {
        sqlite3_interrupt(handle)
    }

    func error(_ rc: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

/// The authorizer of read-only connections: allows SELECT, reading tables and
/// calling functions (except `load_extension`); refuses everything else.
private func authorizeRead(_ context: UnsafeMutableRawPointer?, _ action: Int32, _ first: UnsafePointer<CChar>?,
                           _ second: UnsafePointer<CChar>?, _: UnsafePointer<CChar>?, _: UnsafePointer<CChar>?) -> Int32 {
    let name = first.map { String(cString: $0).lowercased() } ?? ""
    let refusal: String
    switch action {
    case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
        return SQLITE_OK
    case SQLITE_FUNCTION:
        let function = second.map { String(cString: $0).lowercased() } ?? ""
        guard function == "load_extension" else { return SQLITE_OK }
        refusal = "load_extension()"
    case SQLITE_PRAGMA:
        if SQLiteReadRule.pragmas.contains(name) || (second == nil && SQLiteReadRule.bareReadPragmas.contains(name)) {
            return SQLITE_OK
        }
        refusal = "PRAGMA \(name)" + (second == nil ? "" : " with a value")
    case SQLITE_ATTACH: refusal = "ATTACH"
    case SQLITE_DETACH: refusal = "DETACH"
    case SQLITE_INSERT: refusal = "INSERT"
    case SQLITE_UPDATE:
        // Asked while SQLite connects a table-valued pragma (`pragma_table_info`); a real
        // write is still refused by `query_only` and `sqlite3_stmt_readonly`.
        if name == "sqlite_master" { return SQLITE_OK }
        refusal = "UPDATE"
    case SQLITE_DELETE: refusal = "DELETE"
    case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: refusal = "a transaction"
    default: refusal = "a statement that changes the schema"
    }
    if let context { Unmanaged<SQLiteReadRule>.fromOpaque(context).takeUnretainedValue().refusal = refusal }
    return SQLITE_DENY
}

/// A prepared statement: bind, step, read columns, reset.
public final class SQLiteStatement {
    let database: SQLiteDatabase
    let handle: OpaquePointer
    public let sql: String

    /// The text after the first statement (whitespace, comments, or more statements).
    let rest: String

    init(database: SQLiteDatabase, sql: String) throws(SQLiteError) {
        self.database = database
        self.sql = sql
        var statement: OpaquePointer?
        let bytes = Array(sql.utf8)
        var used = 0
        let rc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(database.handle, text.baseAddress, Int32(text.count), &statement, &tail)
                if let tail, let base = text.baseAddress { used = tail - base }
                return rc
            }
        }
        guard rc == SQLITE_OK, let statement else {
            throw database.error(rc, sql: sql)
        }
        handle = statement
        rest = String(decoding: bytes[min(used, bytes.count)...], as: UTF8.self)
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds parameters by position (1-based, in order).
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (i, value) in values.enumerated() {
            try bind(value, at: Int32(i + 1))
        }
    }

    /// Binds one parameter; text is bound with its length, so a NUL byte is kept, not cut at.
    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        case .text(var v): rc = v.withUTF8 { bindText($0, at: index, copy: true) }
        }
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }

    public func bind(_ value: String, at index: Int32) throws(SQLiteError) { try bind(.text(value), at: index) }
    public func bind(_ value: Double, at index: Int32) throws(SQLiteError) { try bind(.real(value), at: index) }

    /// Binds bytes as text (empty bytes bind `''`, never NULL). Without `copy` the
    /// bytes must stay valid until the statement is stepped and reset.
    @discardableResult
    func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32, copy: Bool) -> Int32 {
        let empty: StaticString = ""
        let pointer = UnsafeRawPointer(bytes.isEmpty ? nil : bytes.baseAddress) ?? UnsafeRawPointer(empty.utf8Start)
        return sqlite3_bind_text(handle, index, pointer.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                 copy ? SQLITE_TRANSIENT : SQLITE_STATIC)
    }

    /// Advances to the next row; false when done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(rc, sql: sql)
        }
    }

    /// Resets for another run, clearing the bindings unless asked to keep them.
    public func reset(keepingBindings: Bool = false) {
        sqlite3_reset(handle)
        if !keepingBindings { sqlite3_clear_bindings(handle) }
    }

    /// Runs the statement once with these parameters, ignoring rows.
    public func run(_ values: [SQLiteValue]) throws(SQLiteError) {
        reset()
        try bind(values)
        while try step() {}
    }

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }
    public func columnName(_ i: Int) -> String { sqlite3_column_name(handle, Int32(i)).map { String(cString: $0) } ?? "" }
    public func isNull(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }
    public func isBlob(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_BLOB }
    public func int(_ i: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(i))) }

    /// A column's text, all of its bytes (a NUL byte inside is kept).
    public func string(_ i: Int) -> String {
        withText(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Hands `body` a column's text bytes, valid only during the call.
    func withText<T>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let text = sqlite3_column_text(handle, Int32(i))
        let count = text == nil ? 0 : Int(sqlite3_column_bytes(handle, Int32(i)))
        return try body(UnsafeBufferPointer(start: text, count: count))
    }

    /// A column as a typed value.
    public func value(_ i: Int) -> SQLiteValue {
        switch sqlite3_column_type(handle, Int32(i)) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, Int32(i)))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, Int32(i)))
        default: return .text(string(i))
        }
    }
}
