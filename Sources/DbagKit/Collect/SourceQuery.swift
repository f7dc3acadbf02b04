import Dispatch
import Foundation

/// Runs a query against a metric source: opened read-only (and `query_only`),
/// interrupted after its timeout.
enum SourceQuery {
    /// Prepares `sql` on the source at `path` and hands the statement to `body`.
    static func run<T>(path: String, sql: String, timeout: Double, _ body: (SQLiteStatement) throws -> T) throws(CollectError) -> T {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CollectError("source database \(path) does not exist")
        }
        let database: SQLiteDatabase
        do {
            database = try SQLiteDatabase(path: path, readOnly: true)
            try database.execute("PRAGMA query_only = 1")
        } catch {
            throw CollectError("\(error)")
        }
        let alarm = DispatchWorkItem { database.interrupt() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: alarm)
        defer { alarm.cancel() }
        do {
            return try body(try database.prepare(sql))
        } catch let error as SQLiteError {
            if error.code & 0xff == 9 /* SQLITE_INTERRUPT */ {
                throw CollectError("query timed out after \(DurationText.format(timeout)) (in `\(sql)`)")
            }
            throw CollectError(error.description)
        } catch let error as CollectError {
            throw error
        } catch {
            throw CollectError("\(error)")
        }
    }
}
