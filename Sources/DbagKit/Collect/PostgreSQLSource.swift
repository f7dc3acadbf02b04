import Foundation

/// A PostgreSQL database read through one session with `default_transaction_read_only`,
/// each query in its own `BEGIN READ ONLY` transaction under a `statement_timeout`
/// (and a cancel request as a backstop), dates and timestamps read in the project's time zone.
final class PostgreSQLSource: SourceConnection, @unchecked Sendable {
    static let maxConnections = 1
    let connection: PostgreSQLConnection

    /// Connects and sets the session up; `name` is the source's name in dbag.yml.
    init(conninfo: String, name: String, timeZone: TimeZone) throws(CollectError) {
        do {
            connection = try PostgreSQLConnection(conninfo)
            try connection.execute("SET default_transaction_read_only = on; SET DateStyle = ISO")
            try connection.query("SELECT set_config('TimeZone', $1, false)", [timeZone.identifier])
        } catch {
            throw CollectError("source '\(name)': \(error.message)")
        }
    }

    func query<T>(_ sql: String, timeout: Double, location: SourceLocation?,
                  _ body: (any SourceRows) throws -> T) throws(CollectError) -> T {
        let result: PostgreSQLResult
        do {
            result = try run(sql, timeout: timeout)
        } catch {
            throw PostgreSQLSource.failure(error, timeout: timeout, location: location)
        }
        return try PostgreSQLRows(result, sql: sql).read(body)
    }

    /// Runs `sql` in a read-only transaction; past `timeout` the server cancels it.
    private func run(_ sql: String, timeout: Double) throws(PostgreSQLError) -> PostgreSQLResult {
        let milliseconds = Int(min(max(1, (timeout * 1000).rounded()), 2_147_483_647))
        try connection.execute("BEGIN READ ONLY; SET LOCAL statement_timeout = \(milliseconds)")
        let connection = connection
        let alarm = DispatchWorkItem { connection.cancel() }  // in case the server cannot time itself out
        Blocking.after(timeout + 2, alarm)
        defer { alarm.cancel() }
        do {
            let result = try connection.query(sql)
            alarm.cancel()
            try connection.execute("COMMIT")
            return result
        } catch {
            alarm.cancel()
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    var isUsable: Bool { connection.isOpen }

    func prepare(_ sql: String, location: SourceLocation?) throws(CollectError) {
        do {
            try connection.execute("BEGIN READ ONLY")
            defer { try? connection.execute("ROLLBACK") }
            _ = try connection.describe(sql)
        } catch {
            throw PostgreSQLSource.failure(error, timeout: 0, location: location)
        }
    }

    /// An error worded for the user: timeouts, writes and several statements said plainly;
    /// a fault in the query itself (SQLSTATE class 42, a write) is located at it in dbag.yml.
    static func failure(_ error: PostgreSQLError, timeout: Double, location: SourceLocation?) -> CollectError {
        let quoted = error.sql.map { " (in `\($0)`)" } ?? ""
        let state = error.sqlState ?? ""
        switch state {
        case "57014":
            return CollectError("query timed out after \(DurationText.format(timeout)); the server cancelled it\(quoted)")
        case "25006":
            return CollectError("the query would write; a metric's query may only read (\(error.message))\(quoted)", location: location)
        case "42601" where error.message.contains("multiple commands"):
            return CollectError("the query holds more than one statement; give one SELECT\(quoted)", location: location)
        default:
            return CollectError(error.description, location: state.hasPrefix("42") ? location : nil)
        }
    }
}

/// A PostgreSQL result read as source rows, typed by column OID.
final class PostgreSQLRows: SourceRows {
    let result: PostgreSQLResult
    let sql: String
    let columnNames: [String]
    let types: [UInt32]
    private var row = -1

    init(_ result: PostgreSQLResult, sql: String) {
        self.result = result
        self.sql = sql
        columnNames = result.columnNames
        types = (0..<result.columnCount).map { result.type($0) }
    }

    func next() throws(CollectError) -> Bool {
        row += 1
        return row < result.rowCount
    }

    func value(_ column: Int) -> SourceValue {
        guard !result.isNull(row, column) else { return .null }
        let text = result.text(row, column)
        switch types[column] {
        case 20, 21, 23:  // int8, int2, int4
            return Int64(text).map { .integer($0) } ?? .text(text)
        case 700, 701, 1700:  // float4, float8, numeric
            return Double(text).map { .real($0) } ?? .text(text)
        case 1082, 1114, 1184:  // date, timestamp, timestamptz (shown in the session's time zone)
            return Day(text.prefix(10)).map { .day($0) } ?? .text(text)
        default:
            return .text(text)
        }
    }
}
