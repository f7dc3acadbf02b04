import DbagKit
import Foundation

/// 1,000 `sql` metrics of varied aggregates over a 1,000,000-row indexed source:
/// `Collection` end to end versus the same queries run back to back on one connection.
enum CollectBenchmark {
    static let rows = 1_000_000, metrics = 1_000

    static func run() async throws {
        let folder = try BenchFolder.make("collect")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("app.sqlite3").path
        let made = try BenchFolder.time {
            let db = try SQLiteDatabase(path: source)
            try db.execute("""
                PRAGMA journal_mode = WAL;
                CREATE TABLE events (id INTEGER PRIMARY KEY, user INTEGER, kind INTEGER, amount REAL, day INTEGER);
                WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT \(rows))
                INSERT INTO events (user, kind, amount, day)
                SELECT abs(random()) % 10000, abs(random()) % 50, (abs(random()) % 100000) / 100.0, abs(random()) % 365 FROM c;
                CREATE INDEX events_kind ON events (kind, amount);
                CREATE INDEX events_day ON events (day, user);
                CREATE INDEX events_user ON events (user);
                ANALYZE;
                """)
        }
        print("source: \(rows) rows, indexed, in \(BenchFolder.format(made)) s")

        var queries: [String] = []
        for i in 0..<metrics {
            switch i % 5 {
            case 0: queries.append("SELECT count(*) FROM events WHERE kind = \(i % 50)")
            case 1: queries.append("SELECT sum(amount) FROM events WHERE day = \(i % 365)")
            case 2: queries.append("SELECT max(amount) FROM events WHERE kind = \(i % 50)")
            case 3: queries.append("SELECT count(DISTINCT user) FROM events WHERE day BETWEEN \(i % 358) AND \(i % 358 + 6)")
            default: queries.append("SELECT avg(amount) FROM events WHERE user = \(i % 10000)")
            }
        }
        var yaml = "sources:\n  app: { sqlite: app.sqlite3 }\nmetrics:\n"
        for (i, sql) in queries.enumerated() {
            yaml += "  m\(i):\n    collect: { source: app, sql: \"\(sql)\" }\n"
        }
        let config = try ConfigLoader.parse(yaml, directory: folder)

        let alone = try BenchFolder.time {
            let db = try SQLiteDatabase(path: source, readOnly: true)
            for sql in queries {
                let statement = try db.prepare(sql)
                _ = try statement.step()
            }
        }
        print("queries alone, one connection, one at a time: \(BenchFolder.format(alone)) s")

        for concurrency in [1, 8] {
            let store = try MetricStore(path: folder.appendingPathComponent("store-\(concurrency).sqlite").path)
            var report: CollectionReport?
            let total = try await BenchFolder.time {
                report = try await Collection(config: config, concurrency: concurrency).run(into: store)
            }
            let failures = report?.failures.count ?? -1
            print("Collection end to end, \(concurrency) at once: \(BenchFolder.format(total)) s "
                  + "(\(BenchFolder.format(total / Double(metrics) * 1000)) ms per metric, \(failures) failures; "
                  + "overhead vs queries alone: \(BenchFolder.format(total - alone)) s)")
        }
    }
}
