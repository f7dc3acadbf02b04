import Foundation
import Testing
@testable import DbagKit

/// A metric's SQL only reads: one statement, nothing that writes, attaches or loads.
@Suite struct SourceQueryTests {
    let project: ScratchProject
    /// A file a writing query would create; it must never appear.
    let target: String

    init() throws {
        project = try ScratchProject()
        target = project.directory.appendingPathComponent("written.db").path
        try project.database("app.db", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('a'), ('b');")
    }

    func config(_ sql: String, series: Bool = false) throws -> Config {
        let quoted = "\"" + sql.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let body = series ? "series: { source: app, sql: \(quoted) }" : "collect: { source: app, sql: \(quoted) }"
        return try project.config("sources:\n  app: { sqlite: app.db }\nmetrics:\n  m:\n    \(body)\n")
    }

    func collectError(_ sql: String) async throws -> String? {
        let config = try config(sql)
        return await ScratchProject.errorText { try await ScratchProject.collect("m", in: config) }
    }

    func usersLeft() throws -> Int {
        let db = try SQLiteDatabase(path: project.directory.appendingPathComponent("app.db").path, readOnly: true)
        let count = try db.prepare("SELECT count(*) FROM users")
        try count.step()
        return count.int(0)
    }

    @Test func vacuumIntoCreatesNoFile() async throws {
        let message = try await collectError("VACUUM INTO '\(target)'")
        #expect(message?.contains("may only read") == true, "\(message ?? "no error")")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func seriesVacuumIntoCreatesNoFileAndNamesTheMetric() throws {
        let config = try config("VACUUM INTO '\(target)'", series: true)
        do {
            _ = try SeriesLoader.load(config: config)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("dbag.yml:5:33: error: series 'm': "), "\(error)")
            #expect("\(error)".contains("may only read"))
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test(arguments: [
        ("ATTACH DATABASE '#' AS other", "ATTACH is not allowed"),
        ("SELECT load_extension('#')", "load_extension() is not allowed"),
        ("PRAGMA user_version = 7", "PRAGMA user_version with a value is not allowed"),
        ("PRAGMA query_only = 0", "PRAGMA query_only with a value is not allowed"),
        ("PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint is not allowed"),
        ("DELETE FROM users", "DELETE is not allowed"),
        ("UPDATE users SET name = 'x'", "UPDATE is not allowed"),
        ("CREATE TEMP TABLE t AS SELECT 1", "not allowed"),
        ("BEGIN", "a transaction is not allowed"),
        ("UPDATE sqlite_master SET name = 'x'", "may not be modified"),
    ])
    func writesAreRefused(_ sql: String, _ expected: String) async throws {
        let message = try await collectError(sql.replacingOccurrences(of: "#", with: target))
        #expect(message?.contains(expected) == true, "\(message ?? "no error")")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try usersLeft() == 2)
    }

    @Test(arguments: [
        ("SELECT count(*) FROM users", 2.0),
        ("SELECT count(*) FROM users;", 2),
        ("SELECT count(*) FROM users ; -- the end\n ; /* really */ ", 2),
        ("SELECT count(*) FROM pragma_table_info('users')", 2),
        ("PRAGMA user_version", 0),
        ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5) SELECT max(x) FROM c", 5),
    ])
    func readsRun(_ sql: String, _ value: Double) async throws {
        let config = try config(sql)
        #expect(try await ScratchProject.collect("m", in: config) == [CollectedValue(value: value)])
    }

    @Test func secondStatementIsALocatedError() async throws {
        let config = try config("SELECT count(*) FROM users; DELETE FROM users")
        let metric = try #require(config.metric("m"))
        do {
            _ = try await metric.collector?.collect(CollectContext(config: config, metric: metric, day: Day(ordinal: 1)))
            Issue.record("expected an error")
        } catch let error as CollectError {
            #expect(error.message.contains("more than one statement (the second begins `DELETE FROM users`)"), "\(error)")
            #expect(error.location == SourceLocation(file: "dbag.yml", line: 5, column: 34))
        }
        #expect(try usersLeft() == 2)
    }

    @Test func validateListsEveryBadQueryWithoutRunning() throws {
        let config = try project.config("""
            sources:
              app: { sqlite: app.db }
            metrics:
              good:
                collect: { source: app, sql: "SELECT count(*) FROM users" }
              two:
                collect: { source: app, sql: "SELECT 1; SELECT 2" }
              typo:
                series: { source: app, sql: "SELECT day, value FROM nowhere" }
              vacuum:
                collect: { source: app, sql: "VACUUM INTO '\(target)'" }
            """)
        let found = SourceQuery.diagnostics(config).map(\.description)
        #expect(found.count == 3)
        #expect(found[0].hasPrefix("dbag.yml:7:34: error: metric 'two': the query holds more than one statement"))
        #expect(found[1].hasPrefix("dbag.yml:9:33: error: metric 'typo': no such table: nowhere"))
        #expect(found[2].hasPrefix("dbag.yml:11:34: error: metric 'vacuum': the query would write"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// `dbag collect` reports the second statement at the query in dbag.yml and collects the others.
    @Test func collectCommandLocatesTheQuery() async throws {
        try project.write("dbag.yml", """
            sources:
              app: { sqlite: app.db }
            metrics:
              ok:
                collect: { source: app, sql: "SELECT count(*) FROM users" }
              two:
                collect: { source: app, sql: "SELECT count(*) FROM users; DELETE FROM users" }
            """)
        let run = try await CLITests.dbagOffPool(["collect"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("dbag.yml:7:34: error: two: the query holds more than one statement"), "\(run.stderr)")
        #expect(run.stdout == "ok  2\n")
        #expect(try usersLeft() == 2)
    }
}
