import Foundation
import Testing
@testable import DbagKit

/// The commands against a PostgreSQL store, as real processes: `store:` and `DBAG_STORE`,
/// moving a store both ways, many writers at once, and passwords that never show.
@Suite struct PostgreSQLStoreCLITests {
    let server: PostgresServer
    let project: ScratchProject
    let store: String

    init() async throws {
        server = try await PostgresServer.shared()
        project = try ScratchProject()
        let database = try server.database()
        try server.admin(database).execute("GRANT ALL ON SCHEMA public TO \(PostgresServer.reader)")  // the store's owner
        store = server.readerURI(database, password: "${DBAG_TEST_STORE_PASSWORD}")
        try project.write("dashboards/index.md", "# Home\n\n::stat{metric=visits}\n")
    }

    /// Runs a shell line in the project with the built `dbag` first on PATH and the store password set.
    func sh(_ line: String) throws -> CLITests.Run {
        try Self.sh(line, in: project.directory)
    }

    static func sh(_ line: String, in directory: URL) throws -> CLITests.Run {
        let folder = try CLITests.executable().deletingLastPathComponent().path
        return try CLITests.run("/bin/sh", ["-c", "export PATH='\(folder)':$PATH DBAG_TEST_STORE_PASSWORD='\(PostgresServer.readerPassword)'; " + line], in: directory)
    }

    func config(store: String) throws {
        try project.write("dbag.yml", """
            store: "\(store)"
            metrics:
              visits:
                collect: { command: "echo 12" }
              builds:
              per-team:
                per: team
            """)
    }

    @Test func everyCommandWorksAgainstAPostgreSQLStore() throws {
        try config(store: store)
        #expect(try sh("dbag collect").status == 0)
        #expect(try sh("dbag record builds 41 --date 2026-01-02").status == 0)
        #expect(try sh("dbag record per-team 3 --key red --label 'Red team' --date 2026-01-02").status == 0)
        let export = try sh("dbag export")
        #expect(export.stdout.contains("builds,,2026-01-02,41\n"))
        #expect(export.stdout.contains("per-team,red,2026-01-02,3\n"))
        #expect(try sh("dbag metrics").stdout.contains("visits"))
        #expect(try sh("dbag check").status == 0)
        #expect(try sh("dbag build").status == 0)
        #expect(try String(contentsOf: project.directory.appendingPathComponent("site/data/builds.csv"), encoding: .utf8).contains("2026-01-02,41"))
        let files = try FileManager.default.contentsOfDirectory(atPath: project.path)
        #expect(!files.contains { $0.hasPrefix("postgresql") }, "\(files)")
        #expect(!FileManager.default.fileExists(atPath: project.directory.appendingPathComponent(".dbag/metrics.sqlite").path))
    }

    /// `dbag export | DBAG_STORE=postgresql://… dbag import -` moves a store, and back again.
    @Test func aStoreMovesBothWays() throws {
        try config(store: ".dbag/metrics.sqlite")
        #expect(try sh("dbag fake --days 30").status == 0)
        let original = try sh("dbag export").stdout
        #expect(original.split(separator: "\n").count > 30)
        let moved = try sh("dbag export | DBAG_STORE=\"\(store)\" dbag import -")
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(try sh("DBAG_STORE=\"\(store)\" dbag export").stdout == original)
        let back = try sh("DBAG_STORE=\"\(store)\" dbag export | DBAG_STORE=copy.sqlite dbag import -")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try sh("DBAG_STORE=copy.sqlite dbag export").stdout == original)
    }

    /// Records from many processes at once all arrive.
    @Test func concurrentWritersLoseNothing() throws {
        try config(store: store)
        let commands = (1...16).map { "dbag record builds \($0) --date 2026-01-\($0 < 10 ? "0" : "")\($0)" } + ["dbag collect"]
        let results = ResultSlots<Int32>(count: commands.count), directory = project.directory
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            results.set(index, (try? Self.sh(commands[index], in: directory).status) ?? -1)
        }
        #expect(results.values.allSatisfy { $0 == 0 }, "\(results.values)")
        let export = try sh("dbag export").stdout
        #expect(export.split(separator: "\n").filter { $0.hasPrefix("builds,") }.count == 16, "\(export)")
        #expect(export.contains("visits,,"))
    }

    @Test func aWrongPasswordNeverShowsAndOtherSchemesAreRefused() throws {
        try config(store: server.readerURI("postgres", password: "Sekr1t-wrong-9"))
        let run = try sh("dbag export")
        #expect(run.status == 1)
        #expect(run.stderr.contains("password authentication failed"), "\(run.stderr)")
        #expect(!run.stderr.contains("Sekr1t-wrong-9"))
        try config(store: "mysql://u:p@127.0.0.1/db")
        let refused = try sh("dbag export")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("dbag.yml:1:8: error: store 'mysql://…' is not supported"), "\(refused.stderr)")
    }
}
