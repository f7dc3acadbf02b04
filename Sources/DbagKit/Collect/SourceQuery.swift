import Foundation

/// Runs one read-only query against a metric source, whatever its engine, with a
/// deadline. Used by `sql` collectors, build-time series and `dbag check`.
public enum SourceQuery {
    /// Runs `sql` on `source` and hands its rows to `body`. The connection comes from
    /// `pool` and goes back to it afterwards. A query that cannot be prepared (a syntax
    /// error, a write, a second statement) fails at `location`, the query in dbag.yml.
    static func run<T>(_ source: Source, sql: String, timeout: Double, pool: SourcePool, location: SourceLocation? = nil,
                       _ body: (any SourceRows) throws -> T) throws(CollectError) -> T {
        let connection = try pool.checkout(source)
        do {
            let result = try connection.query(sql, timeout: timeout, location: location, body)
            pool.checkin(connection, of: source)
            return result
        } catch {
            if connection.isUsable { pool.checkin(connection, of: source) } else { pool.discard(of: source) }
            throw error
        }
    }

    /// Every `sql` collector's and `series` query of `config`, prepared on its source
    /// without running: one located diagnostic per query that would fail before running.
    /// Network sources (PostgreSQL, MySQL) are opened only when `network` is true (`dbag check --sources`).
    public static func diagnostics(_ config: Config, network: Bool = false) -> [Diagnostic] {
        let pool = SourcePool(timeZone: config.timeZone)
        return config.metrics.compactMap { metric -> Diagnostic? in
            guard let query = query(of: metric), let source = config.sources[query.source], network || source.path != nil else {
                return nil
            }
            do {
                try source.checkEnvironment()
                let connection = try pool.checkout(source)
                defer { pool.checkin(connection, of: source) }
                try connection.prepare(query.sql, location: query.location)
                return nil
            } catch let error as Diagnostic {
                return error
            } catch {
                return Diagnostic(error).about("metric '\(metric.slug)'", at: query.location ?? metric.location)
            }
        }
    }

    /// A metric's source, query and the query's place in dbag.yml, for sql collectors and series.
    static func query(of metric: Metric) -> (source: String, sql: String, location: SourceLocation?)? {
        metric.query.map { ($0.source, $0.sql, $0.sqlLocation) }
    }
}
