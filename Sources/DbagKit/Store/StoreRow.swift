import Foundation

/// Reads the columns of one store row, checking each is what dbag writes: a row
/// edited by hand (or by another tool) gives an error naming it, never a trap
/// or a different number.
struct StoreRow {
    let statement: SQLiteStatement
    let store: String
    let table: String

    /// A row whose columns 0, 1 and 2 are metric, key and day.
    init(_ statement: SQLiteStatement, store: String, table: String = "metric_values") {
        self.statement = statement
        self.store = store
        self.table = table
    }

    /// The error for column `index`, naming the row by metric, key and day.
    func bad(_ index: Int, _ expected: String) -> Diagnostic {
        let found = statement.isNull(index) ? "NULL" : "'\(StoredText.shown(statement.string(index)))'"
        return Self.bad(table: table, store: store, metric: statement.string(0), key: statement.string(1),
                        day: index == 2 ? nil : statement.string(2), column: statement.columnName(index), found: found, expected: expected)
    }

    /// The error for a row's `column`, naming the row by metric, key and day (nil: the day is what is wrong).
    static func bad(table: String, store: String, metric: String, key: String, day: String?,
                    column: String, found: String, expected: String) -> Diagnostic {
        let name = "metric '\(metric)'" + (key.isEmpty ? "" : ", key '\(StoredText.shown(key))'") + (day.map { ", day '\($0)'" } ?? "")
        return Diagnostic("\(table) row (\(name)): \(column) \(found) is not \(expected); fix or delete that row with any SQLite client", file: store)
    }

    /// Column `index` as a day.
    func day(_ index: Int) throws(Diagnostic) -> Day {
        guard let day = Day(statement.string(index)) else { throw bad(index, "a day (YYYY-MM-DD)") }
        return day
    }

    /// Column `index` as a finite number stored as one (not text).
    func value(_ index: Int) throws(Diagnostic) -> Double {
        switch statement.value(index) {
        case .integer(let n): return Double(n)
        case .real(let d) where d.isFinite: return d
        default: throw bad(index, "a finite number")
        }
    }

    /// Column `index` as a UTC timestamp.
    func time(_ index: Int) throws(Diagnostic) -> Date {
        guard let date = Timestamp.date(statement.string(index)) else { throw bad(index, "a UTC time such as 2026-11-25T06:17:03Z") }
        return date
    }
}
