import Foundation
import Testing
@testable import DbagKit

/// A SQLite source in WAL mode, read while the app holds it open (README, "What a
/// metric's SQL may do"): dbag sees every committed value, even one still in the
/// `-wal` file (which `immutable=1` would miss), and leaves `app.db` unchanged.
@Suite struct WALSourceTests {
    @Test func readsWhatTheAppCommittedAndChangesNothing() async throws {
        let project = try ScratchProject()
        let path = project.directory.appendingPathComponent("app.db").path
        let app = try SQLiteDatabase(path: path)
        try app.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        try app.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint = 0")
        // Committed, but only in app.db-wal while the app keeps its connection open.
        try app.execute("INSERT INTO t VALUES (2), (3)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let walBefore = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        #expect(!walBefore.isEmpty)
        try project.write("dbag.yml", """
            sources:
              app: { sqlite: app.db }
            metrics:
              rows:
                collect: { source: app, sql: "SELECT count(*) FROM t" }
            """)
        let run = try await CLITests.dbagOffPool(["collect", "--date", "2026-01-05"], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("rows  3"), "\(run.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")) == walBefore)
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
    }

    /// With nothing open on it, reading leaves `app.db` unchanged and an empty `-wal` beside it.
    @Test func aClosedWALSourceGetsAnEmptyWALFile() throws {
        let project = try ScratchProject()
        let path = project.directory.appendingPathComponent("app.db").path
        do {
            let app = try SQLiteDatabase(path: path)
            try app.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let config = try project.config("sources:\n  app: { sqlite: app.db }\nmetrics:\n  n:\n    series: { source: app, sql: \"SELECT '2026-01-01', count(*) FROM t\" }\n")
        let loaded = try SeriesLoader.load(config: config)
        #expect(loaded.series["n"]?[""]?.map(\.value) == [1])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")).isEmpty)
    }
}
