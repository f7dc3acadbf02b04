import Dispatch
import Foundation

/// Runs a query against a metric source: opened read-only, restricted to reads
/// (`SQLiteDatabase.restrictToReads`), one statement, interrupted after its timeout.
/// Used by `sql` collectors and build-time series.
public enum SourceQuery {
    /// Prepares `sql` on the source at `path` and hands the statement to `body`.
    /// The connection comes from `pool` and goes back to it after a success.
    /// A query that cannot be prepared (a syntax error, a write, a second statement)
    /// fails at `location`, the query in dbag.yml.
    static func run<T>(path: String, sql: String, timeout: Double, pool: SourcePool = SourcePool(),
                       location: SourceLocation? = nil, _ body: (SQLiteStatement) throws -> T) throws(CollectError) -> T {
        let database = try open(path, pool: pool)
        let statement = try prepare(sql, on: database, location: location)
        let alarm = DispatchWorkItem { database.interrupt() }
        Blocking.after(timeout, alarm)
        defer { alarm.cancel() }
        do {
            let result = try body(statement)
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

    /// Checks a query against the source at `path` without running it: it must
    /// prepare, be one statement and only read. For `dbag check`.
    public static func validate(path: String, sql: String, location: SourceLocation? = nil) throws(CollectError) {
        let pool = SourcePool()
        let database = try open(path, pool: pool)
        _ = try prepare(sql, on: database, location: location)
        pool.checkin(database)
    }

    /// Every `sql` collector's and `series` query of `config`, validated against its
    /// source; one located diagnostic per query that would fail before running.
    public static func diagnostics(_ config: Config) -> [Diagnostic] {
        config.metrics.compactMap { metric -> Diagnostic? in
            let query: (source: String, sql: String, location: SourceLocation?)
            if let collector = metric.collector as? SQLCollector {
                query = (collector.source, collector.sql, collector.sqlLocation)
            } else if let series = metric.series {
                query = (series.source, series.sql, series.sqlLocation)
            } else {
                return nil
            }
            guard let path = config.sources[query.source]?.path else { return nil }
            do throws(CollectError) {
                try validate(path: path, sql: query.sql, location: query.location)
                return nil
            } catch {
                return Diagnostic("metric '\(metric.slug)': \(error.message)", at: error.location ?? metric.location)
            }
        }
    }

    private static func open(_ path: String, pool: SourcePool) throws(CollectError) -> SQLiteDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CollectError("source database \(path) does not exist")
        }
        do {
            return try pool.checkout(path)
        } catch {
            throw CollectError("\(error)")
        }
    }

    private static func prepare(_ sql: String, on database: SQLiteDatabase, location: SourceLocation?) throws(CollectError) -> SQLiteStatement {
        do throws(SQLiteError) {
            return try database.prepareRead(sql)
        } catch {
            throw CollectError(error.description, location: location)
        }
    }
}
