import DbagKit
import Foundation

/// `collect`: 1,000 `sql` metrics of varied aggregates over a 1,000,000-row indexed
/// source. A repetition runs the same queries back to back on one connection (the
/// baseline), then `Collection` end to end, one at a time and 8 at once.
enum CollectBenchmark {
    static let mode = BenchMode(
        name: "collect",
        summary: "1,000 sql metrics over a 1,000,000-row source, 8 at once (small: 100 over 100,000 rows)",
        prepare: { folder, size in try makeSource(in: folder, size: size) },
        run: { folder, size in try await run(folder, size: size) })

    static func counts(_ size: BenchSize) -> (rows: Int, metrics: Int) {
        size == .small ? (100_000, 100) : (1_000_000, 1_000)
    }

    static func queries(metrics: Int) -> [String] {
        (0..<metrics).map { i in
            switch i % 5 {
            case 0: "SELECT count(*) FROM events WHERE kind = \(i % 50)"
            case 1: "SELECT sum(amount) FROM events WHERE day = \(i % 365)"
            case 2: "SELECT max(amount) FROM events WHERE kind = \(i % 50)"
            case 3: "SELECT count(DISTINCT account) FROM events WHERE day BETWEEN \(i % 358) AND \(i % 358 + 6)"
            default: "SELECT avg(amount) FROM events WHERE account = \(i % 10000)"
            }
        }
    }

    static func makeSource(in folder: URL, size: BenchSize) throws {
        let db = try SQLiteDatabase(path: folder.appendingPathComponent("app.sqlite3").path)
        try db.execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE events (id INTEGER PRIMARY KEY, account INTEGER, kind INTEGER, amount REAL, day INTEGER);
            WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT \(counts(size).rows))
            INSERT INTO events (account, kind, amount, day)
            SELECT abs(random()) % 10000, abs(random()) % 50, (abs(random()) % 100000) / 100.0, abs(random()) % 365 FROM c;
            CREATE INDEX events_kind ON events (kind, amount);
            CREATE INDEX events_day ON events (day, account);
            CREATE INDEX events_account ON events (account);
            ANALYZE;
            """)
        try writeConfig(in: folder, source: "{ sqlite: app.sqlite3 }", metrics: counts(size).metrics)
    }

    /// dbag.yml: the source `app`, and a metric per query over it.
    static func writeConfig(in folder: URL, source: String, metrics: Int) throws {
        var yaml = "sources:\n  app: \(source)\nmetrics:\n"
        for (i, sql) in queries(metrics: metrics).enumerated() {
            yaml += "  m\(i):\n    collect: { source: app, sql: \"\(sql)\" }\n"
        }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("dbag.yml"))
    }

    static func run(_ folder: URL, size: BenchSize) async throws -> [BenchFigure] {
        let config = try ConfigLoader.load(projectDirectory: folder)
        let metrics = counts(size).metrics
        let alone = try BenchFolder.time {
            let db = try SQLiteDatabase(path: folder.appendingPathComponent("app.sqlite3").path, readOnly: true)
            for sql in queries(metrics: metrics) {
                _ = try db.prepare(sql).step()
            }
        }
        return try await collect(config, metrics: metrics, in: folder) + [BenchFigure("queries alone, one connection", alone, "s")]
    }

    /// `Collection` end to end into a fresh SQLite store, 8 at once then 1 at once; fails unless every metric was collected.
    static func collect(_ config: Config, metrics: Int, in folder: URL) async throws -> [BenchFigure] {
        var figures: [BenchFigure] = []
        for concurrency in [8, 1] {
            let path = folder.appendingPathComponent("store-\(getpid())-\(concurrency).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let store = try MetricStore(path: path)
            var report: CollectionReport?
            let seconds = try await BenchFolder.time {
                report = try await Collection(config: config, concurrency: concurrency).run(into: store)
            }
            let failures = report?.failures.count ?? -1
            guard failures == 0 else { throw BenchFailure("\(failures) of \(metrics) metrics failed to collect") }
            figures.append(BenchFigure("collect, \(concurrency) at once", seconds, "s"))
        }
        return figures
    }
}
