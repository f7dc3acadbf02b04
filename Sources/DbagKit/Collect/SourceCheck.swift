/// `dbag check`: opens the sources and prepares every metric's query without
/// running it, so a typo in a table name is found before the nightly collect.
public enum SourceCheck {
    /// Every query that does not prepare, located at its `sql:` in dbag.yml.
    /// Network sources (PostgreSQL) are checked only when `network` is true.
    public static func run(config: Config, network: Bool = true) -> [Diagnostic] {
        let pool = SourcePool(timeZone: config.timeZone)
        var errors: [Diagnostic] = []
        for metric in config.metrics {
            guard let (sourceName, sql, location) = query(of: metric), let source = config.sources[sourceName] else { continue }
            if source.path == nil, !network { continue }
            let at = location ?? metric.location
            do {
                try source.checkEnvironment()
                let connection = try pool.checkout(source)
                defer { pool.checkin(connection, of: source) }
                try connection.prepare(sql)
            } catch let error as Diagnostic {
                errors.append(error)
            } catch {
                errors.append(Diagnostic("metric '\(metric.slug)': \(error)", at: at))
            }
        }
        return errors
    }

    /// A metric's source, query and the query's place in dbag.yml, for sql collectors and series.
    static func query(of metric: Metric) -> (source: String, sql: String, location: SourceLocation?)? {
        if let series = metric.series { return (series.source, series.sql, series.location) }
        if let collector = metric.collector as? SQLCollector { return (collector.source, collector.sql, collector.location) }
        return nil
    }
}
