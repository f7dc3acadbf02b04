import Foundation

/// A MySQL or MariaDB database read through one `READ ONLY` session, each query prepared
/// in its own `START TRANSACTION READ ONLY` under the server's statement time limit
/// (`max_statement_time`, MySQL's `max_execution_time`; `KILL QUERY` as a backstop),
/// timestamps read in the project's time zone.
final class MySQLSource: SourceConnection, @unchecked Sendable {
    static let maxConnections = 1
    let connection: MariaDBConnection
    let timeZone: TimeZone
    /// The zone the session shows TIMESTAMP columns in: the project's, or its present
    /// UTC offset when the server has no time zone tables (timestamps are then converted here).
    let sessionZone: TimeZone

    /// Connects and sets the session up; `name` is the source's name in dbag.yml.
    init(url: String, name: String, timeZone: TimeZone) throws(CollectError) {
        self.timeZone = timeZone
        do {
            connection = try MariaDBConnection(try MySQLAddress(url))
            try connection.execute("SET SESSION TRANSACTION READ ONLY")
            if (try? connection.query("SET time_zone = ?", [timeZone.identifier])) != nil {
                sessionZone = timeZone
            } else {
                let seconds = timeZone.secondsFromGMT()
                let offset = String(format: "%@%02d:%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
                try connection.query("SET time_zone = ?", [offset])
                sessionZone = TimeZone(secondsFromGMT: seconds) ?? .gmt
            }
        } catch {
            throw CollectError("source '\(name)': \(error.message)")
        }
    }

    /// The URL with `${NAME}` read from the environment. A value inside the URL is taken as it
    /// is (encoded here, decoded again when the URL is read); a URL that is one variable is read as a URL.
    static func url(_ template: EnvironmentString,
                    environment: [String: String] = ProcessInfo.processInfo.environment) throws(CollectError) -> String {
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        let whole = template.parts.count == 1 && template.names.count == 1
        let values = whole ? environment : environment.mapValues { $0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? $0 }
        do {
            return try template.expand(values)
        } catch {
            throw CollectError(error.description)
        }
    }

    func query<T>(_ sql: String, timeout: Double, location: SourceLocation?,
                  _ body: (any SourceRows) throws -> T) throws(CollectError) -> T {
        let result: MariaDBResult
        do {
            result = try run(sql, timeout: timeout)
        } catch {
            throw MySQLSource.failure(error, timeout: timeout, location: location)
        }
        return try MySQLRows(result, sql: sql, source: self).read(body)
    }

    /// Runs `sql` in a read-only transaction; past `timeout` the server stops it.
    private func run(_ sql: String, timeout: Double) throws(MariaDBError) -> MariaDBResult {
        let limit = connection.isMariaDB
            ? "SET SESSION max_statement_time = \(String(format: "%.3f", max(0.001, timeout)))"
            : "SET SESSION max_execution_time = \(Int(min(max(1, (timeout * 1000).rounded()), 4_294_967_295)))"
        try connection.execute(limit)
        try connection.execute("START TRANSACTION READ ONLY")
        let connection = connection
        // In case the server cannot time itself out; it connects, so off the timers' queue.
        let alarm = DispatchWorkItem { Blocking.thread { connection.cancel() } }
        Blocking.after(timeout + 2, alarm)
        defer { alarm.cancel() }
        do {
            let result = try connection.query(MySQLSource.withoutFinalSemicolon(sql))
            alarm.cancel()
            try connection.execute("COMMIT")
            return result
        } catch {
            alarm.cancel()
            if connection.isOpen { try? connection.execute("ROLLBACK") }
            throw error
        }
    }

    var isUsable: Bool { connection.isOpen }

    func prepare(_ sql: String, location: SourceLocation?) throws(CollectError) {
        do {
            _ = try connection.describe(MySQLSource.withoutFinalSemicolon(sql))
        } catch {
            throw MySQLSource.failure(error, timeout: 0, location: location)
        }
    }

    /// `sql` without the `;` that may end it (the server takes one statement, unterminated).
    static func withoutFinalSemicolon(_ sql: String) -> String {
        var text = Substring(sql)
        while let last = text.last, last == ";" || last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    /// An error worded for the user: timeouts, writes and several statements said plainly;
    /// a fault in the query itself (SQLSTATE class 42, a write) is located at it in dbag.yml.
    static func failure(_ error: MariaDBError, timeout: Double, location: SourceLocation?) -> CollectError {
        let quoted = error.sql.map { " (in `\($0)`)" } ?? ""
        switch error.code {
        case 1969, 3024, 1317:  // max_statement_time, max_execution_time, KILL QUERY
            return CollectError("query timed out after \(DurationText.format(timeout)); the server stopped it\(quoted)")
        case _ where error.code == 1792 || (error.code == 1142 && !error.message.hasPrefix("SELECT")):  // read-only; SELECT-only user
            return CollectError("the query would write; a metric's query may only read (\(error.message))\(quoted)", location: location)
        case 1064 where severalStatements(error.sql ?? ""):
            return CollectError("the query holds more than one statement; give one SELECT\(quoted)", location: location)
        default:
            return CollectError(error.description, location: error.sqlState?.hasPrefix("42") == true ? location : nil)
        }
    }

    /// Whether `sql` has a `;` outside quotes before its end: more than one statement.
    static func severalStatements(_ sql: String) -> Bool {
        var quote: Character?
        for character in withoutFinalSemicolon(sql) {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" || character == "`" {
                quote = character
            } else if character == ";" {
                return true
            }
        }
        return false
    }

    /// The day a TIMESTAMP shown in the session's zone falls on in the project's.
    func day(ofTimestamp text: String) -> Day? {
        if sessionZone == timeZone { return Day(text.prefix(10)) }
        let numbers = text.split { !$0.isNumber }.prefix(6).compactMap { Int($0) }
        guard numbers.count == 6 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = sessionZone
        let parts = DateComponents(year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4], second: numbers[5])
        return calendar.date(from: parts).map { Day($0, in: timeZone) }
    }
}

/// A MySQL result read as source rows, typed by column.
final class MySQLRows: SourceRows {
    let result: MariaDBResult
    let sql: String
    let columnNames: [String]
    let source: MySQLSource
    private var row = -1

    init(_ result: MariaDBResult, sql: String, source: MySQLSource) {
        self.result = result
        self.sql = sql
        self.source = source
        columnNames = result.columns.map(\.name)
    }

    func next() throws(CollectError) -> Bool {
        row += 1
        return row < result.rows.count
    }

    func value(_ column: Int) -> SourceValue {
        guard let text = result.rows[row][column] else { return .null }
        switch result.columns[column].kind {
        case .integer: return Int64(text).map { .integer($0) } ?? Double(text).map { .real($0) } ?? .text(text)
        case .real: return Double(text).map { .real($0) } ?? .text(text)
        case .date, .datetime: return Day(text.prefix(10)).map { .day($0) } ?? .text(text)
        case .timestamp: return source.day(ofTimestamp: text).map { .day($0) } ?? .text(text)
        case .text: return .text(text)
        }
    }
}
