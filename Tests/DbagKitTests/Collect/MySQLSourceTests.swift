import Foundation
import Testing
@testable import DbagKit

/// What only a MySQL or MariaDB source has: column types, time zones, server-side
/// stopping, one session per run, a SELECT-only user, passwords from the environment.
@Suite struct MySQLSourceTests {
    let server: MariaDBServer
    let database: String

    init() async throws {
        server = try await MariaDBServer.shared()
        database = try server.database("""
            SET time_zone = '+00:00';
            CREATE TABLE v (i1 TINYINT, i2 SMALLINT, i4 INT, i8 BIGINT, u8 BIGINT UNSIGNED, n DECIMAL(12, 3), f FLOAT, d DOUBLE, t TEXT);
            INSERT INTO v VALUES (1, 2, 4, 8000000000, 18000000000000000000, 1234.567, 0.5, 0.125, ' 42 ');
            CREATE TABLE events (d DATE, dt DATETIME, ts TIMESTAMP, txt VARCHAR(10));
            INSERT INTO events VALUES ('2025-01-01', '2025-01-01 23:30:00', '2025-01-01 20:00:00', '2025-01-01');
            CREATE TABLE shops (name VARCHAR(20) CHARACTER SET utf8mb4, sales INT);
            INSERT INTO shops VALUES ('🍕 Pizza', 3), ('Crème', 5)
            """)
    }

    func project(_ metrics: String, source: String? = nil, timezone: String = "UTC") throws -> (ScratchProject, Config) {
        let project = try ScratchProject()
        let config = try project.config("""
            timezone: \(timezone)
            sources:
              app: { mysql: "\(source ?? server.rootURL(database))" }
            metrics:
            \(metrics)
            """)
        return (project, config)
    }

    func collect(_ config: Config, _ slugs: [String]) async throws -> [MetricOutcome] {
        await Collection(config: config).collect(try slugs.map { try #require(config.metric($0)) }, day: Day(ordinal: 1))
    }

    @Test(arguments: ["i1", "i2", "i4", "i8", "u8", "n", "f", "d", "t"])
    func everyNumericTypeIsAValue(column: String) async throws {
        let (project, config) = try project("  m:\n    collect: { source: app, sql: \"SELECT \(column) FROM v;\" }")
        defer { _ = project }
        let expected: [String: Double] = ["i1": 1, "i2": 2, "i4": 4, "i8": 8_000_000_000, "u8": 18_000_000_000_000_000_000,
                                          "n": 1234.567, "f": 0.5, "d": 0.125, "t": 42]
        #expect(try await collect(config, ["m"]).first?.values == [CollectedValue(value: try #require(expected[column]))])
    }

    @Test(arguments: [("d", "2025-01-01"), ("dt", "2025-01-01"), ("ts", "2025-01-02"), ("txt", "2025-01-01")])
    func daysAreDatesTimestampsInTheProjectZoneOrText(column: String, day: String) throws {
        let (project, config) = try project("  s:\n    series: { source: app, sql: \"SELECT \(column) AS day, 1 AS value FROM events\" }", timezone: "Asia/Tokyo")
        defer { _ = project }
        #expect(try SeriesLoader.load(config: config).series["s"]?[""]?.map(\.day.description) == [day])
    }

    @Test func textIsUTF8MB4() async throws {
        let (project, config) = try project("  m:\n    per: shop\n    collect: { source: app, sql: \"SELECT name AS `key`, sales AS value FROM shops ORDER BY sales\" }")
        defer { _ = project }
        #expect(try await collect(config, ["m"]).first?.values == [CollectedValue(key: "🍕 Pizza", value: 3), CollectedValue(key: "Crème", value: 5)])
    }

    @Test func aTimedOutQueryIsGoneFromTheServer() async throws {
        let (project, config) = try project("  slow:\n    collect: { source: app, timeout: 1s, sql: \"SELECT SLEEP(60) AS slow_probe\" }")
        defer { _ = project }
        let start = Date()
        let outcome = try #require(try await collect(config, ["slow"]).first)
        #expect(outcome.error?.contains("timed out after 1s") == true, "\(outcome.error ?? "")")
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(try running("slow_probe") == "0")
    }

    @Test func cancelKillsTheQueryFromASecondConnection() throws {
        let connection = try MariaDBConnection(MySQLAddress(server.rootURL(database)))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { connection.cancel() }
        let error = try #require(throws: MariaDBError.self) { try connection.query("SELECT SLEEP(60) AS cancel_probe") }
        #expect(error.code == 1317)
        #expect(try running("cancel_probe") == "0")
        #expect(try connection.query("SELECT 7").rows == [["7"]])
    }

    /// How many sessions run a statement holding `marker`, apart from the asking one,
    /// once the server has had up to 10 seconds to clean a stopped one up.
    func running(_ marker: String) throws -> String? {
        var count: String?
        for _ in 0..<100 {
            let rows = try server.admin().query("SELECT count(*) FROM information_schema.processlist WHERE info LIKE ? AND id <> CONNECTION_ID()", ["%\(marker)%"]).rows
            count = rows.first?.first ?? nil
            if count == "0" { break }
            usleep(100_000)
        }
        return count
    }

    @Test func oneConnectionPerSourcePerRun() async throws {
        let metrics = (1...12).map { "  m\($0):\n    collect: { source: app, sql: \"SELECT CONNECTION_ID()\" }" }.joined(separator: "\n")
        let (project, config) = try project(metrics)
        defer { _ = project }
        let outcomes = try await collect(config, (1...12).map { "m\($0)" })
        #expect(outcomes.allSatisfy { $0.error == nil })
        #expect(Set(outcomes.compactMap { $0.values.first?.value }).count == 1)
    }

    @Test func aSelectOnlyUserReadsButCannotWrite() async throws {
        setenv("DBAG_TEST_MY_PASSWORD", MariaDBServer.readerPassword, 1)
        let url = "mysql://\(MariaDBServer.reader):${DBAG_TEST_MY_PASSWORD}@127.0.0.1:\(server.port)/\(database)"
        let (project, config) = try project("""
              m:
                collect: { source: app, sql: "SELECT i4 FROM v" }
              wipe:
                collect: { source: app, sql: "DELETE FROM v" }
            """, source: url)
        defer { _ = project }
        let outcomes = try await collect(config, ["m", "wipe"])
        #expect(outcomes[0].values == [CollectedValue(value: 4)])
        #expect(outcomes[1].error?.contains("may only read") == true, "\(outcomes[1].error ?? "")")
        #expect(outcomes[1].failure?.location?.line == 8)
        #expect(try server.admin(database).query("SELECT count(*) FROM v").rows == [["1"]])
    }

    @Test func aWrongPasswordNeverShows() async throws {
        let wrong = "Wr0ng-pa55word-\(UUID().uuidString.prefix(6))"
        let (project, config) = try project("  m:\n    collect: { source: app, sql: \"SELECT i4 FROM v\" }", source: server.readerURL(database, password: wrong))
        defer { _ = project }
        let error = try #require(try await collect(config, ["m"]).first?.error)
        #expect(error.contains("Access denied"), "\(error)")
        #expect(error.contains("source 'app'"))
        #expect(!error.contains(wrong))
    }

    @Test func anUnsetVariableIsALocatedError() async throws {
        let url = "mysql://reader:${DBAG_TEST_MY_UNSET_VARIABLE}@127.0.0.1:\(server.port)/\(database)"
        let (project, config) = try project("  m:\n    collect: { source: app, sql: \"SELECT 1\" }", source: url)
        defer { _ = project }
        let error = try await #require(throws: DiagnosticList.self) { try await Collection(config: config).run(into: try project.store()) }
        #expect(error.description.hasPrefix("dbag.yml:3:17: error: environment variable DBAG_TEST_MY_UNSET_VARIABLE is not set"), "\(error)")
    }
}
