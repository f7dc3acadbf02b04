import Foundation

/// One cell of a source row, typed by the engine that read it.
public enum SourceValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// A date or timestamp column, as a day in the project's time zone.
    case day(Day)

    /// A finite number: an integer, a real, or text that reads as one; else nil.
    public var number: Double? {
        let value: Double?
        switch self {
        case .integer(let n): value = Double(n)
        case .real(let d): value = d
        case .text(let t): value = Double(t.trimmingCharacters(in: .whitespaces))
        case .null, .day: value = nil
        }
        return value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A day: a date or timestamp column, or `YYYY-MM-DD` text; else nil.
    public var day: Day? {
        switch self {
        case .day(let day): day
        case .text(let text): Day(text)
        default: nil
        }
    }

    /// The value as text, for keys, labels and messages (`""` for NULL).
    public var text: String {
        switch self {
        case .null: ""
        case .integer(let n): String(n)
        case .real(let d): StoreCSV.number(d)
        case .text(let t): t
        case .day(let day): day.description
        }
    }

    public var isNull: Bool { self == .null }
}

/// The rows of one running query, read one at a time.
public protocol SourceRows: AnyObject {
    /// The statement, quoted in errors.
    var sql: String { get }
    var columnNames: [String] { get }
    /// Moves to the next row; false after the last.
    func next() throws(CollectError) -> Bool
    /// A cell of the current row.
    func value(_ column: Int) -> SourceValue
}

extension SourceRows {
    public var columnCount: Int { columnNames.count }

    /// Hands these rows to `body`: its `CollectError`s pass as they are, any other is worded as one.
    func read<T>(_ body: (any SourceRows) throws -> T) throws(CollectError) -> T {
        do {
            return try body(self)
        } catch let error as CollectError {
            throw error
        } catch {
            throw CollectError("\(error)")
        }
    }

    /// The index of the result column with this name (case-insensitive), if any.
    public func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex { $0.lowercased() == name }
    }
}

/// An open, read-only connection to one source database; one type per engine
/// (`SQLiteSource`, `PostgreSQLSource`), and only that type knows the engine.
protocol SourceConnection: AnyObject, Sendable {
    /// Runs one read-only statement, cancelled on the server after `timeout`
    /// seconds, and hands its rows to `body`. Errors are worded for the user; those
    /// in the query itself (syntax, a write, a second statement) carry `location`.
    func query<T>(_ sql: String, timeout: Double, location: SourceLocation?,
                  _ body: (any SourceRows) throws -> T) throws(CollectError) -> T
    /// Compiles `sql` without running it (`dbag check`).
    func prepare(_ sql: String, location: SourceLocation?) throws(CollectError)
    /// Whether the connection can run another query (false once the server is gone).
    var isUsable: Bool { get }
    /// At most this many connections to one source in a run.
    static var maxConnections: Int { get }
}
