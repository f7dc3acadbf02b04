import DbagKit
import Foundation

/// `collect-postgres`: the `collect` mode's 1,000 `sql` metrics over the same
/// 1,000,000-row table, in a PostgreSQL source (a throwaway server, `BenchPostgres`).
/// A repetition runs the queries back to back on one plain connection (once to warm
/// the server's cache, once timed: the queries alone), then `Collection` end to end,
/// 8 at once and 1 at once (the source has one connection, so queries take turns).
/// dbag's overhead per metric is (collect − queries alone) / metrics.
enum PostgresCollectBenchmark {
    static let mode = BenchMode(
        name: "collect-postgres",
        summary: "1,000 sql metrics over a 1,000,000-row PostgreSQL source (small: 100 over 100,000 rows)",
        prepare: { folder, size in try makeSource(in: folder, size: size) },
        run: { folder, size in try await run(folder, size: size) },
        finish: BenchPostgres.finish,
        unavailable: BenchPostgres.unavailable)

    static func makeSource(in folder: URL, size: BenchSize) throws {
        let rows = CollectBenchmark.counts(size).rows
        try BenchPostgres.prepare(folder) { server in
            try server.connect("postgres").execute("CREATE DATABASE app")
            let app = try server.connect("app")
            try app.execute("""
                SELECT setseed(0.5);
                CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account integer, kind integer, amount double precision, day integer);
                INSERT INTO events (account, kind, amount, day)
                SELECT floor(random() * 10000), floor(random() * 50), floor(random() * 100000) / 100.0, floor(random() * 365) FROM generate_series(1, \(rows));
                CREATE INDEX events_kind ON events (kind, amount);
                CREATE INDEX events_day ON events (day, account);
                CREATE INDEX events_account ON events (account);
                """)
            try app.execute("VACUUM ANALYZE events")
        }
        try CollectBenchmark.writeConfig(in: folder, source: "{ postgres: \"\(BenchPostgres.uri("app"))\" }",
                                         metrics: CollectBenchmark.counts(size).metrics)
    }

    static func run(_ folder: URL, size: BenchSize) async throws -> [BenchFigure] {
        let metrics = CollectBenchmark.counts(size).metrics
        return try await BenchPostgres.serve(folder) { server in
            let config = try ConfigLoader.load(projectDirectory: folder)
            let connection = try server.connect("app")
            let queries = CollectBenchmark.queries(metrics: metrics)
            for sql in queries { _ = try connection.query(sql).text(0, 0) }
            let alone = try BenchFolder.time {
                for sql in queries { _ = try connection.query(sql).text(0, 0) }
            }
            let collected = try await CollectBenchmark.collect(config, metrics: metrics, in: folder)
            let overheads = collected.map { figure in
                BenchFigure("overhead per metric, \(figure.name.replacingOccurrences(of: "collect, ", with: ""))",
                            (figure.value - alone) / Double(metrics) * 1000, "ms")
            }
            return collected + [BenchFigure("queries alone, one connection", alone, "s")] + overheads
        }
    }
}
