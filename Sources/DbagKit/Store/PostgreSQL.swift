import CLibPQ
import Foundation

/// An error from PostgreSQL: the server's message (never a password), its SQLSTATE, and the statement.
public struct PostgreSQLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The five-character SQLSTATE (`25006` read-only transaction, `57014` cancelled), when the server sent one.
    public var sqlState: String?
    public var sql: String?

    public var description: String {
        if let sql { return "\(message) (in `\(sql)`)" }
        return message
    }
}

extension PostgreSQLError: DiagnosticConvertible {
    /// The message, quoting the statement.
    public var diagnostic: Diagnostic { Diagnostic(description) }
}

/// A connection to a PostgreSQL server through libpq: the only file that calls libpq.
/// Not for concurrent use; `cancel()` alone may be called from any thread.
public final class PostgreSQLConnection: @unchecked Sendable {
    let handle: OpaquePointer
    private let canceller: OpaquePointer?
    /// Texts that must never appear in a message: the password and the connection string.
    private let secrets: [String]

    /// Connects with a libpq URI (`postgresql://…`) or `key=value` string; libpq's own
    /// conventions apply (`PG*` variables, `~/.pgpass`, `sslmode`, service files).
    public init(_ conninfo: String) throws(PostgreSQLError) {
        var secrets = [conninfo] + PostgreSQLConnection.passwords(in: conninfo)
        let keywords = ["connect_timeout", "fallback_application_name", "dbname"]
        let values = ["10", "dbag", conninfo]
        let connection = withCStrings(keywords) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let connection else { throw PostgreSQLError(message: "cannot connect to PostgreSQL: out of memory") }
        if let password = PQpass(connection).map({ String(cString: $0) }), !password.isEmpty { secrets.append(password) }
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgreSQLConnection.scrub(String(cString: PQerrorMessage(connection)), self.secrets)
            PQfinish(connection)
            throw PostgreSQLError(message: "cannot connect to PostgreSQL: " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        handle = connection
        canceller = PQgetCancel(connection)
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit {
        if let canceller { PQfreeCancel(canceller) }
        PQfinish(handle)
    }

    /// Runs fixed SQL (one or more statements, no parameters), ignoring rows.
    public func execute(_ sql: String) throws(PostgreSQLError) {
        _ = try check(PQexec(handle, sql), sql: sql)
    }

    /// Runs one statement with parameters bound as text (`nil` is NULL); rows come back as text.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(PostgreSQLError) -> PostgreSQLResult {
        let result = withCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try check(result, sql: sql)
    }

    /// Prepares `sql` without running it and returns its result columns' names.
    public func describe(_ sql: String) throws(PostgreSQLError) -> [String] {
        _ = try check(PQprepare(handle, "", sql, 0, nil), sql: sql)
        return try check(PQdescribePrepared(handle, ""), sql: sql).columnNames
    }

    /// Streams `COPY … FROM STDIN` data: `body` hands chunks to `send`; a throw aborts the copy.
    /// Returns how many rows the server took.
    @discardableResult
    public func copy(_ sql: String, _ body: (_ send: ([UInt8]) throws(PostgreSQLError) -> Void) throws -> Void) throws -> Int {
        guard let start = PQexec(handle, sql) else { throw failure(sql: sql) }
        let status = PQresultStatus(start)
        PQclear(start)
        guard status == PGRES_COPY_IN else { throw failure(sql: sql) }
        do {
            try body { (chunk: [UInt8]) throws(PostgreSQLError) in
                let sent = chunk.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
                }
                if sent != 1 { throw failure(sql: sql) }
            }
        } catch {
            PQputCopyEnd(handle, "aborted by dbag")
            drain()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw failure(sql: sql) }
        var firstError: PostgreSQLError?, rows = 0
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK {
                if firstError == nil { firstError = error(result, sql: sql) }
            } else {
                rows = Int(String(cString: PQcmdTuples(result))) ?? 0
            }
            PQclear(result)
        }
        if let firstError { throw firstError }
        return rows
    }

    /// Asks the server to cancel whatever this connection is running; safe from any thread.
    public func cancel() {
        guard let canceller else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(canceller, &buffer, 256)
    }

    /// Whether the connection is still up.
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// The server's process id for this session (`pg_stat_activity.pid`).
    public var backendPID: Int { Int(PQbackendPID(handle)) }

    private func check(_ result: OpaquePointer?, sql: String) throws(PostgreSQLError) -> PostgreSQLResult {
        guard let result else { throw failure(sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return PostgreSQLResult(result)
        default:
            let failure = error(result, sql: sql)
            PQclear(result)
            throw failure
        }
    }

    private func error(_ result: OpaquePointer, sql: String) -> PostgreSQLError {
        let message = String(cString: PQresultErrorField(result, Int32(UInt8(ascii: "M"))) ?? PQresultErrorMessage(result))
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        return PostgreSQLError(message: PostgreSQLConnection.scrub(message, secrets), sqlState: state, sql: sql)
    }

    private func failure(sql: String) -> PostgreSQLError {
        let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
        return PostgreSQLError(message: PostgreSQLConnection.scrub(message.isEmpty ? "the connection failed" : message, secrets), sql: sql)
    }

    private func drain() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    /// The password a connection string names, if libpq can read it.
    static func passwords(in conninfo: String) -> [String] {
        var found: [String] = []
        if let options = PQconninfoParse(conninfo, nil) {
            var option = options
            while let keyword = option.pointee.keyword {
                if String(cString: keyword) == "password", let value = option.pointee.val { found.append(String(cString: value)) }
                option += 1
            }
            PQconninfoFree(options)
        }
        // A URI's user:password@, in case libpq could not parse the rest.
        if let scheme = conninfo.range(of: "://"), let at = conninfo[scheme.upperBound...].firstIndex(of: "@"),
           let colon = conninfo[scheme.upperBound..<at].firstIndex(of: ":") {
            let password = String(conninfo[conninfo.index(after: colon)..<at])
            found.append(password)
            found.append(password.removingPercentEncoding ?? password)
        }
        return found
    }

    /// `message` with every secret replaced by `****`.
    static func scrub(_ message: String, _ secrets: [String]) -> String {
        secrets.reduce(message) { text, secret in secret.isEmpty ? text : text.replacingOccurrences(of: secret, with: "****") }
    }
}

/// The rows of one statement, as text; freed with the object.
public final class PostgreSQLResult {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQclear(handle)
    }

    public var rowCount: Int { Int(PQntuples(handle)) }
    public var columnCount: Int { Int(PQnfields(handle)) }
    public var columnNames: [String] { (0..<columnCount).map { String(cString: PQfname(handle, Int32($0))) } }
    /// The column's type OID (`pg_type.oid`): 20 int8, 1700 numeric, 1082 date, 1184 timestamptz…
    public func type(_ column: Int) -> UInt32 { UInt32(PQftype(handle, Int32(column))) }
    public func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(handle, Int32(row), Int32(column)) != 0 }
    /// Rows changed by an INSERT, UPDATE or DELETE.
    public var changes: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    /// A cell as text (`""` for NULL).
    public func text(_ row: Int, _ column: Int) -> String {
        String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }
}

/// Calls `body` with the strings as a NULL-terminated array of C strings (`nil` stays NULL).
private func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let copies = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } } + [nil])
}
