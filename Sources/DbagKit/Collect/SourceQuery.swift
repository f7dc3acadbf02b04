import Dispatch
import Foundation

/// Runs a query against a metric source: opened read-only (and `query_only`),
/// interrupted after its timeout. Used by `sql` collectors and build-time series.
enum SourceQuery {
    /// Prepares `sql` on the source at `path` and hands the statement to `body`.
    /// The connection comes from `pool` and goes back to it after a success.
    static func run<T>(path: String, sql: String, timeout: Double, pool: SourcePool = SourcePool(),
                       _ body: (SQLiteStatement) throws -> T) throws(CollectError) -> T {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CollectError("source database \(path) does not exist")
        }
        let database: SQLiteDatabase
        do {
            database = try pool.checkout(path)
        } catch {
            throw CollectError("\(error)")
        }
        let alarm = DispatchWorkItem { database.interrupt() }
        Blocking.after(timeout, alarm)
        defer { alarm.cancel() }
        do {
            let result = try body(try database.prepare(sql))
            alarm.cancel()  // before another query can use the connection
            pool.checkin(database)
            return result
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
