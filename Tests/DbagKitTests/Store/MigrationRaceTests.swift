import Foundation
import Testing
@testable import DbagKit

/// Several real `dbag` processes open a store that does not exist yet, at the same moment.
@Suite struct MigrationRaceTests {
    /// Starts every command at once, then waits for all; (status, stderr) of each.
    /// Called through `Blocking.run`, so the waiting holds no Swift concurrency thread.
    static func race(_ commands: [[String]], at directory: URL) throws -> [(Int32, String)] {
        let executable = try CLITests.executable()
        var running: [(Process, Pipe)] = []
        for arguments in commands {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            running.append((process, err))
        }
        for (process, _) in running { try process.run() }
        return running.map { process, err in
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
        }
    }

    @Test func collectorsAndRecordersRacingOnANewStoreAllSucceed() async throws {
        for round in 0..<8 {
            let project = try ScratchProject()
            try project.database("app.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);")
            try project.write("dbag.yml", """
                sources:
                  app: { sqlite: app.db }
                metrics:
                  rows:
                    collect: { source: app, sql: "SELECT count(*) FROM t" }
                  pushed: {}
                """)
            let days = (1...4).map { "2026-01-0\($0)" }
            let commands = days.map { ["collect", "--date", $0] }
                + days.enumerated().map { ["record", "pushed", "\($0.offset + 10)", "--date", $0.element] }
            let directory = project.directory
            let results = try await Blocking.run { try Self.race(commands, at: directory) }
            for (status, stderr) in results {
                #expect(status == 0, "round \(round): \(stderr)")
            }
            let store = try MetricStore(path: project.directory.appendingPathComponent(".dbag/metrics.sqlite").path, readOnly: true)
            let all = try store.allSeries()
            #expect(all["rows"]?[""]?.map(\.value) == [3, 3, 3, 3], "round \(round)")
            #expect(all["pushed"]?[""]?.map(\.value) == [10, 11, 12, 13], "round \(round)")
            #expect(try store.database.userVersion == StoreSchema.migrations.count)
        }
    }

    /// Two connections in one process: the second sees the first's migration and does nothing.
    @Test func migratingTwiceIsANoOp() throws {
        let project = try ScratchProject()
        let path = project.directory.appendingPathComponent("s.sqlite").path
        _ = try MetricStore(path: path)
        let again = try MetricStore(path: path)
        #expect(try again.database.userVersion == StoreSchema.migrations.count)
        try again.database.execute("PRAGMA user_version = 99")
        #expect(throws: SQLiteError.self) { try MetricStore(path: path) }
    }
}
