import Foundation
import Testing
@testable import DbagKit

/// The engines a source may use; every test here runs against each, so no engine can quietly do less.
enum SourceEngine: String, CaseIterable, Sendable {
    case sqlite, postgres, mysql

    /// A project whose source `app` is a fresh database of this engine filled by `sql`.
    func project(sql: String, metrics: String) async throws -> (ScratchProject, Config) {
        let project = try ScratchProject()
        let source: String
        switch self {
        case .sqlite:
            try project.database("app.db", sql)
            source = "{ sqlite: app.db }"
        case .postgres:
            let server = try await PostgresServer.shared()
            source = "{ postgres: \"\(server.socketConninfo(try server.database(sql)))\" }"
        case .mysql:
            let server = try await MariaDBServer.shared()
            source = "{ mysql: \"\(server.rootURL(try server.database(sql)))\" }"
        }
        let config = try project.config("sources:\n  app: \(source)\nmetrics:\n" + dialect(metrics))
        return (project, config)
    }

    /// The same queries in this engine's words: `key` is reserved in MySQL, so it is backticked there.
    func dialect(_ metrics: String) -> String {
        guard self == .mysql else { return metrics }
        return metrics.replacingOccurrences(of: " AS key", with: " AS `key`").replacingOccurrences(of: "ORDER BY key", with: "ORDER BY `key`")
    }
}

@Suite struct SourceEngineTests {
    static let data = """
        CREATE TABLE users (id INTEGER PRIMARY KEY, company TEXT, company_name TEXT, active INTEGER, created TEXT);
        INSERT INTO users (id, company, company_name, active, created) VALUES
          (1, 'acme', 'Acme Corp', 1, '2025-01-01'), (2, 'acme', 'Acme Corp', 0, '2025-01-01'),
          (3, 'globex', 'Globex', 1, '2025-01-03'), (4, 'initech', NULL, 1, '2025-01-03');
        """

    static let metrics = """
          users:
            collect: { source: app, sql: "SELECT count(*) FROM users" }
          named:
            collect: { source: app, sql: "SELECT 'x' AS label, sum(active) AS value FROM users" }
          wipe:
            collect: { source: app, sql: "DELETE FROM users" }
          two:
            collect: { source: app, sql: "SELECT 1; DELETE FROM users" }
          by-company:
            per: customer
            collect: { source: app, sql: "SELECT count(*) AS value, company_name AS label, company AS key FROM users GROUP BY company, company_name ORDER BY key" }
          by-position:
            per: customer
            collect: { source: app, sql: "SELECT company, sum(active) FROM users GROUP BY 1 ORDER BY 1" }
          endless:
            collect: { source: app, timeout: 500ms, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) SELECT count(*) FROM c a, c b, c d" }
          empty:
            collect: { source: app, sql: "SELECT 1 WHERE 1 = 0" }
          many:
            collect: { source: app, sql: "SELECT id FROM users" }
          not-a-number:
            collect: { source: app, sql: "SELECT company FROM users WHERE id = 1" }
          signups:
            series: { source: app, sql: "SELECT created AS day, company AS key, company_name AS label, count(*) AS value FROM users GROUP BY 1, 2, 3" }
        """

    func collect(_ engine: SourceEngine, _ slug: String) async throws -> MetricOutcome {
        let (project, config) = try await engine.project(sql: Self.data, metrics: Self.metrics)
        defer { _ = project }
        let metric = try #require(config.metric(slug))
        return try #require(await Collection(config: config).collect([metric], day: Day(ordinal: 20_000)).first)
    }

    @Test(arguments: SourceEngine.allCases) func singleValues(engine: SourceEngine) async throws {
        #expect(try await collect(engine, "users").values == [CollectedValue(value: 4)])
        #expect(try await collect(engine, "named").values == [CollectedValue(value: 3)])
    }

    @Test(arguments: SourceEngine.allCases) func perObjectRows(engine: SourceEngine) async throws {
        #expect(try await collect(engine, "by-company").values == [
            CollectedValue(key: "acme", label: "Acme Corp", value: 2),
            CollectedValue(key: "globex", label: "Globex", value: 1),
            CollectedValue(key: "initech", label: nil, value: 1),
        ])
        #expect(try await collect(engine, "by-position").values == [
            CollectedValue(key: "acme", value: 1), CollectedValue(key: "globex", value: 1), CollectedValue(key: "initech", value: 1),
        ])
    }

    @Test(arguments: SourceEngine.allCases) func aWritingQueryFailsAndWritesNothing(engine: SourceEngine) async throws {
        let (project, config) = try await engine.project(sql: Self.data, metrics: Self.metrics)
        defer { _ = project }
        let outcomes = await Collection(config: config).collect([try #require(config.metric("wipe")), try #require(config.metric("users"))], day: Day(ordinal: 1))
        #expect(outcomes[0].slug == "wipe")
        #expect(outcomes[0].error?.contains("may only read") == true)
        #expect(outcomes[1].values == [CollectedValue(value: 4)])
    }

    @Test(arguments: SourceEngine.allCases) func oneStatementOnly(engine: SourceEngine) async throws {
        let (project, config) = try await engine.project(sql: Self.data, metrics: Self.metrics)
        defer { _ = project }
        let outcomes = await Collection(config: config).collect([try #require(config.metric("two")), try #require(config.metric("users"))], day: Day(ordinal: 1))
        #expect(outcomes[0].error?.contains("more than one statement") == true)
        #expect(outcomes[0].failure?.location?.line == 11)
        #expect(outcomes[1].values == [CollectedValue(value: 4)])
    }

    @Test(arguments: SourceEngine.allCases) func aQueryPastItsTimeoutIsCancelled(engine: SourceEngine) async throws {
        let (project, config) = try await engine.project(sql: Self.data, metrics: Self.metrics)
        defer { _ = project }
        let metric = try #require(config.metric("endless"))
        let outcome = try #require(await Collection(config: config).collect([metric], day: Day(ordinal: 20_000)).first)
        #expect(outcome.error?.contains("timed out after 500ms") == true)
        // Timed on this thread, so that a busy test process's pool cannot stretch it.
        let sql = try #require(metric.query?.sql)
        let start = Date()
        #expect(throws: CollectError.self) {
            try SourceQuery.run(try #require(config.sources["app"]), sql: sql, timeout: 0.5, pool: SourcePool()) { try $0.next() }
        }
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test(arguments: SourceEngine.allCases) func rowCountsAndTypesAreChecked(engine: SourceEngine) async throws {
        #expect(try await collect(engine, "empty").error?.contains("no rows") == true)
        #expect(try await collect(engine, "many").error?.contains("more than one row") == true)
        #expect(try await collect(engine, "not-a-number").error?.contains("'acme', not a number") == true)
    }

    @Test(arguments: SourceEngine.allCases) func seriesReadDaysKeysAndLabels(engine: SourceEngine) async throws {
        let (project, config) = try await engine.project(sql: Self.data, metrics: Self.metrics)
        defer { _ = project }
        let loaded = try SeriesLoader.load(config: config)
        #expect(loaded.series["signups"]?["acme"] == [DayValue(day: try #require(Day("2025-01-01")), value: 2)])
        #expect(loaded.series["signups"]?["globex"] == [DayValue(day: try #require(Day("2025-01-03")), value: 1)])
        #expect(loaded.labels["signups"]?["globex"] == "Globex")
    }

    @Test(arguments: SourceEngine.allCases) func checkPreparesWithoutRunning(engine: SourceEngine) async throws {
        let (project, config) = try await engine.project(sql: Self.data, metrics: """
              fine:
                collect: { source: app, sql: "SELECT count(*) FROM users" }
              typo:
                collect: { source: app, sql: "SELECT count(*) FROM userz" }
            """)
        defer { _ = project }
        let errors = SourceQuery.diagnostics(config, network: true)
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("dbag.yml:7:") == true)
        #expect(errors.first?.message.contains("userz") == true)
    }
}
