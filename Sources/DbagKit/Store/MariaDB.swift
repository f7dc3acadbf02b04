import CMariaDB
import Foundation

/// An error from MySQL or MariaDB: the server's message (never a password), its error number and the statement.
public struct MariaDBError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The server's error number (1792 read-only transaction, 1969 or 3024 statement timeout, 1317 query killed).
    public var code: Int = 0
    /// The five-character SQLSTATE (`42000` a syntax error, `42S02` an unknown table), when there is one.
    public var sqlState: String?
    public var sql: String?

    public var description: String {
        if let sql { return "\(message) (in `\(sql)`)" }
        return message
    }
}

extension MariaDBError: DiagnosticConvertible {
    /// The message, quoting the statement.
    public var diagnostic: Diagnostic { Diagnostic(description) }
}

/// What a result column holds, as far as dbag cares.
public enum MariaDBColumn: Sendable {
    case integer, real, date, datetime, timestamp, text
}

/// A connection to a MySQL or MariaDB server through libmariadb: the only file that calls it.
/// Every statement is prepared, with parameters bound; text is `utf8mb4`; one statement per
/// call (no `CLIENT_MULTI_STATEMENTS`). Not for concurrent use; `cancel()` may be called from any thread.
public final class MariaDBConnection: @unchecked Sendable {
    private let handle: UnsafeMutablePointer<MYSQL>
    private let address: MySQLAddress
    /// The server's id for this session (`information_schema.processlist.id`).
    public let threadID: UInt
    /// Whether the server is MariaDB (else MySQL).
    public let isMariaDB: Bool
    /// Whether the connection is still up (false once the server went away).
    public private(set) var isOpen = true

    private static let ready: Bool = mysql_server_init(0, nil, nil) == 0  // mysql_library_init, before any thread connects

    /// Connects, with a 10-second connect timeout and the `utf8mb4` character set.
    public init(_ address: MySQLAddress) throws(MariaDBError) {
        guard MariaDBConnection.ready, let handle = mysql_init(nil) else {
            throw MariaDBError(message: "cannot connect to MySQL: the client library did not start")
        }
        var seconds: UInt32 = 10
        mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &seconds)
        mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        guard mysql_real_connect(handle, address.host, address.user, address.password, address.database,
                                 UInt32(address.port), address.socket, 0) != nil else {
            let where_ = address.socket ?? "\(address.host):\(address.port)"
            let error = MariaDBError(message: "cannot connect to MySQL at \(where_): " + MariaDBConnection.scrub(String(cString: mysql_error(handle)), address),
                                     code: Int(mysql_errno(handle)))
            mysql_close(handle)
            throw error
        }
        self.handle = handle
        self.address = address
        threadID = UInt(mysql_thread_id(handle))
        isMariaDB = String(cString: mysql_get_server_info(handle)).contains("MariaDB")
    }

    deinit {
        mysql_close(handle)
    }

    /// Runs one fixed statement (no parameters, `SET`, `KILL`, `COMMIT`…), ignoring any rows.
    public func execute(_ sql: String) throws(MariaDBError) {
        guard mysql_real_query(handle, sql, UInt(sql.utf8.count)) == 0 else {
            let code = Int(mysql_errno(handle))
            if [2006, 2013, 2055].contains(code) { isOpen = false }
            throw MariaDBError(message: MariaDBConnection.scrub(String(cString: mysql_error(handle)), address), code: code,
                               sqlState: String(cString: mysql_sqlstate(handle)), sql: sql)
        }
        if let result = mysql_store_result(handle) { mysql_free_result(result) }
    }

    /// Runs one statement with parameters bound as text (`nil` is NULL); rows come back as text.
    @discardableResult
    public func query(_ sql: String, _ parameters: [String?] = []) throws(MariaDBError) -> MariaDBResult {
        let statement = try prepared(sql)
        defer { mysql_stmt_close(statement) }
        guard mysql_stmt_param_count(statement) == parameters.count else {
            throw MariaDBError(message: "the statement takes \(mysql_stmt_param_count(statement)) parameters, not \(parameters.count)", sql: sql)
        }
        let binds = Binds(parameters.count)
        for (index, parameter) in parameters.enumerated() { binds.set(index, parameter) }
        guard parameters.isEmpty || mysql_stmt_bind_param(statement, binds.binds) == 0,
              mysql_stmt_execute(statement) == 0 else { throw failure(statement, sql) }
        guard let metadata = mysql_stmt_result_metadata(statement) else { return MariaDBResult(columns: [], rows: []) }
        defer { mysql_free_result(metadata) }
        var update: my_bool = 1
        mysql_stmt_attr_set(statement, STMT_ATTR_UPDATE_MAX_LENGTH, &update)
        guard mysql_stmt_store_result(statement) == 0 else { throw failure(statement, sql) }
        let count = Int(mysql_num_fields(metadata))
        let fields = UnsafeBufferPointer(start: mysql_fetch_fields(metadata), count: count)
        let columns = fields.map { (String(cString: $0.name), MariaDBConnection.kind($0.type)) }
        let cells = Binds(count)
        for (index, field) in fields.enumerated() { cells.reserve(index, Int(max(field.max_length, 64))) }
        guard mysql_stmt_bind_result(statement, cells.binds) == 0 else { throw failure(statement, sql) }
        var rows: [[String?]] = []
        while true {
            let status = mysql_stmt_fetch(statement)
            if status == MYSQL_NO_DATA { break }
            guard status == 0 || status == MYSQL_DATA_TRUNCATED else { throw failure(statement, sql) }
            rows.append((0..<count).map { column in
                if cells.isNull(column) { return nil }
                if cells.length(column) > cells.capacity(column) {  // longer than max_length said: fetch it whole
                    let whole = Binds(1)
                    whole.reserve(0, cells.length(column))
                    mysql_stmt_fetch_column(statement, whole.binds, UInt32(column), 0)
                    return whole.text(0)
                }
                return cells.text(column)
            })
        }
        return MariaDBResult(columns: columns, rows: rows)
    }

    /// Prepares `sql` on the server without running it and returns its result columns' names.
    public func describe(_ sql: String) throws(MariaDBError) -> [String] {
        let statement = try prepared(sql)
        defer { mysql_stmt_close(statement) }
        guard let metadata = mysql_stmt_result_metadata(statement) else { return [] }
        defer { mysql_free_result(metadata) }
        return UnsafeBufferPointer(start: mysql_fetch_fields(metadata), count: Int(mysql_num_fields(metadata))).map { String(cString: $0.name) }
    }

    /// Asks the server to stop whatever this connection is running (`KILL QUERY` over a
    /// second connection); safe from any thread, and quiet when it cannot.
    public func cancel() {
        guard let other = try? MariaDBConnection(address) else { return }
        try? other.execute("KILL QUERY \(threadID)")
    }

    private func prepared(_ sql: String) throws(MariaDBError) -> UnsafeMutablePointer<MYSQL_STMT> {
        guard let statement = mysql_stmt_init(handle) else {
            throw MariaDBError(message: String(cString: mysql_error(handle)), code: Int(mysql_errno(handle)), sql: sql)
        }
        guard mysql_stmt_prepare(statement, sql, UInt(sql.utf8.count)) == 0 else {
            let error = failure(statement, sql)
            mysql_stmt_close(statement)
            throw error
        }
        return statement
    }

    private func failure(_ statement: UnsafeMutablePointer<MYSQL_STMT>, _ sql: String) -> MariaDBError {
        let code = Int(mysql_stmt_errno(statement))
        if [2006, 2013, 2055].contains(code) { isOpen = false }  // server gone, lost, or lost at reading
        let message = MariaDBConnection.scrub(String(cString: mysql_stmt_error(statement)), address)
        let state = String(cString: mysql_stmt_sqlstate(statement))
        return MariaDBError(message: message.isEmpty ? "the statement failed" : message, code: code,
                            sqlState: state == "00000" ? nil : state, sql: sql)
    }

    static func kind(_ type: enum_field_types) -> MariaDBColumn {
        switch type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_INT24, MYSQL_TYPE_YEAR: .integer
        case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL, MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE: .real
        case MYSQL_TYPE_DATE, MYSQL_TYPE_NEWDATE: .date
        case MYSQL_TYPE_DATETIME, MYSQL_TYPE_DATETIME2: .datetime
        case MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_TIMESTAMP2: .timestamp
        default: .text
        }
    }

    /// `message` with the password replaced by `****`.
    static func scrub(_ message: String, _ address: MySQLAddress) -> String {
        guard let password = address.password, !password.isEmpty else { return message }
        return message.replacingOccurrences(of: password, with: "****")
    }
}

/// The rows of one statement as text, with each column's name and kind.
public struct MariaDBResult: Sendable {
    public var columns: [(name: String, kind: MariaDBColumn)]
    public var rows: [[String?]]
}

/// `MYSQL_BIND`s over buffers of their own (string-typed), freed with the object.
private final class Binds {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        lengths = .allocate(capacity: max(count, 1))
        lengths.initialize(repeating: 0, count: max(count, 1))
        nulls = .allocate(capacity: max(count, 1))
        nulls.initialize(repeating: 0, count: max(count, 1))
        for index in 0..<count {
            binds[index].buffer_type = MYSQL_TYPE_STRING
            binds[index].length = lengths + index
            binds[index].is_null = nulls + index
        }
    }

    deinit {
        for index in 0..<count { free(binds[index].buffer) }
        binds.deallocate()
        lengths.deallocate()
        nulls.deallocate()
    }

    /// A parameter: a copy of the text, or NULL.
    func set(_ index: Int, _ value: String?) {
        guard let value else { nulls[index] = 1; return }
        let bytes = Array(value.utf8)
        reserve(index, bytes.count)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { binds[index].buffer?.copyMemory(from: base, byteCount: bytes.count) }
        }
        lengths[index] = UInt(bytes.count)
    }

    /// A result cell's buffer of `size` bytes.
    func reserve(_ index: Int, _ size: Int) {
        free(binds[index].buffer)
        binds[index].buffer = malloc(max(size, 1))
        binds[index].buffer_length = UInt(max(size, 1))
    }

    func isNull(_ index: Int) -> Bool { nulls[index] != 0 }
    func length(_ index: Int) -> Int { Int(lengths[index]) }
    func capacity(_ index: Int) -> Int { Int(binds[index].buffer_length) }

    func text(_ index: Int) -> String {
        let bytes = UnsafeRawBufferPointer(start: binds[index].buffer, count: min(length(index), capacity(index)))
        return String(decoding: bytes, as: UTF8.self)
    }
}
