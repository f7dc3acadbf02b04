import Foundation

/// Runs one read-only query against a metric source, whatever its engine, with a
/// deadline. Used by `sql` collectors and build-time series.
enum SourceQuery {
    /// Runs `sql` on `source` and hands its rows to `body`. The connection comes from
    /// `pool` and goes back to it after a success.
    static func run<T>(_ source: Source, sql: String, timeout: Double, pool: SourcePool,
                       _ body: (any SourceRows) throws -> T) throws(CollectError) -> T {
        let connection = try pool.checkout(source)
        do {
            let result = try connection.query(sql, timeout: timeout, body)
            pool.checkin(connection, of: source)
            return result
        } catch {
            if connection.isUsable { pool.checkin(connection, of: source) } else { pool.discard(of: source) }
            throw error
        }
    }
}
