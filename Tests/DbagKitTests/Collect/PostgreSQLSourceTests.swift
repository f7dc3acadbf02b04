import Foundation
import Testing
@testable import DbagKit

/// What only a PostgreSQL source has: column types, time zones, server-side
/// cancellation, one session per run, passwords from the environment.
@Suite struct PostgreSQLSourceTests {
    let server: PostgresServer
    let database: String

    init() async throws {
        server = try await PostgresServer.shared()
        database = try server.database("""
            CREATE TABLE v (i2 int2, i4 int4, i8 int8, n numeric(12, 3), f4 float4, f8 float8, t text);
            INSERT INTO v VALUES (2, 4, 8000000000, 1234.567, 0.5, 0.125, ' 42 ');
            CREATE TABLE events (d date, ts timestamp, tz timestamptz, txt text);
            INSERT INTO events VALUES ('2025-01-01', '2025-01-01 23:30:00', '2025-01-01 20:00:00+00', '2025-01-01');
            """)
    }

    func project(_ metrics: String, source: String? = nil, timezone: String = "UTC") throws -> (ScratchProject, Config) {
        let project = try ScratchProject()
        let config = try project.config("""
            timezone: \(timezone)
            sources:
              app: { postgres: "\(source ?? server.socketConninfo(database))" }
            metrics:
            \(metrics)
            """)
        return (project, config)
    }

    func collect(_ config: Config, _ slugs: [String]) async throws -> [MetricOutcome] {
        await Collection(config: config).collect(try slugs.map { try #require(config.metric($0)) }, day: Day(ordinal: 1))
    }

    @Test(arguments: ["i2", "i4", "i8", "n", "f4", "f8", "t"])
    func everyNumericTypeIsAValue(column: String) async throws {
        let (project, config) = try project("  m:\n    collect: { source: app, sql: \"SELECT \(column) FROM v\" }")
        defer { _ = project }
        let expected: [String: Double] = ["i2": 2, "i4": 4, "i8": 8_000_000_000, "n": 1234.567, "f4": 0.5, "f8": 0.125, "t": 42]
        #expect(try await collect(config, ["m"]).first?.values == [CollectedValue(value: try #require(expected[column]))])
    }

    @Test(arguments: [("d", "2025-01-01"), ("ts", "2025-01-01"), ("tz", "2025-01-02"), ("txt", "2025-01-01")])
    func daysAreDatesTimestampsInTheProjectZoneOrText(column: String, day: String) throws {
        let (project, config) = try project("  s:\n    series: { source: app, sql: \"SELECT \(column) AS day, 1 AS value FROM events\" }", timezone: "Asia/Tokyo")
        defer { _ = project }
        #expect(try SeriesLoader.load(config: config).series["s"]?[""]?.map(\.day.description) == [day])
    }

    @Test func aTimedOutQueryIsGoneFromTheServer() async throws {
        let (project, config) = try project("  slow:\n    collect: { source: app, timeout: 1s, sql: \"SELECT 1 FROM pg_sleep(60)\" }")
        defer { _ = project }
        let start = Date()
        let outcome = try #require(try await collect(config, ["slow"]).first)
        #expect(outcome.error?.contains("timed out after 1s") == true)
        #expect(Date().timeIntervalSince(start) < 120)
        let active = try server.admin().query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND state = 'active' AND pid <> pg_backend_pid()")
        #expect(active.text(0, 0) == "0")
    }

    @Test func oneConnectionPerSourcePerRun() async throws {
        let metrics = (1...12).map { "  m\($0):\n    collect: { source: app, sql: \"SELECT pg_backend_pid()\" }" }.joined(separator: "\n")
        let (project, config) = try project(metrics)
        defer { _ = project }
        let outcomes = try await collect(config, (1...12).map { "m\($0)" })
        #expect(outcomes.allSatisfy { $0.error == nil })
        #expect(Set(outcomes.compactMap { $0.values.first?.value }).count == 1)
    }

    @Test func aPasswordComesFromTheEnvironmentAndNeverShows() async throws {
        setenv("DBAG_TEST_PG_PASSWORD", PostgresServer.readerPassword, 1)
        let uri = server.readerURI(database, password: "${DBAG_TEST_PG_PASSWORD}")
        let (project, config) = try project("  m:\n    collect: { source: app, sql: \"SELECT i4 FROM v\" }", source: uri)
        defer { _ = project }
        #expect(try await collect(config, ["m"]).first?.values == [CollectedValue(value: 4)])

        let wrong = "Wr0ng-pa55word-\(UUID().uuidString.prefix(6))"
        let (other, bad) = try self.project("  m:\n    collect: { source: app, sql: \"SELECT i4 FROM v\" }", source: server.readerURI(database, password: wrong))
        defer { _ = other }
        let error = try #require(try await collect(bad, ["m"]).first?.error)
        #expect(error.contains("password authentication failed"), "\(error)")
        #expect(!error.contains(wrong))
        #expect(error.contains("source 'app'"))
    }

    @Test func anUnsetVariableIsALocatedError() async throws {
        let uri = server.readerURI(database, password: "${DBAG_TEST_PG_UNSET_VARIABLE}")
        let (project, config) = try project("  m:\n    collect: { source: app, sql: \"SELECT 1\" }", source: uri)
        defer { _ = project }
        let error = try await #require(throws: DiagnosticList.self) { try await Collection(config: config).run(into: try project.store()) }
        #expect(error.description.hasPrefix("dbag.yml:3:20: error: environment variable DBAG_TEST_PG_UNSET_VARIABLE is not set"), "\(error)")
    }
}
