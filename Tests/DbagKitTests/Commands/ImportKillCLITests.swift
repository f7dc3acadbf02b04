import Foundation
import Testing
@testable import DbagKit

/// `dbag import` killed (SIGKILL) while it writes: the store stays whole and holds what it
/// held before, or everything the file had, never a part of it.
@Suite struct ImportKillCLITests {
    /// One import of `rows` rows, killed as soon as its write-ahead log grows (its rows are
    /// being written); whether the kill came while it wrote. The store is checked either way.
    static func killedImport(rows: Int) throws -> Bool {
        let project = try ScratchProject()
        try project.write("dbag.yml", "metrics:\n  kept:\n    format: percent\n")
        let day = Day(ordinal: 20_000)
        let path = project.directory.appendingPathComponent(".dbag/metrics.sqlite").path
        try MetricStore(path: path).save([StoredValue(metric: "kept", day: day, value: 0.5)])
        let walSize = { (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 }
        let before = walSize()
        var csv = Array("metric,key,day,value\n".utf8)
        for i in 0..<rows {
            csv += Array("m-\(i % 97),k\(i % 7),\(day.advanced(by: i / 679)),\(i)\n".utf8)
        }
        try Data(csv).write(to: project.directory.appendingPathComponent("big.csv"))

        let process = Process()
        process.executableURL = try CLITests.executable()
        process.arguments = ["import", "big.csv"]
        process.currentDirectoryURL = project.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var grown = false
        while process.isRunning && !grown {
            usleep(1000)
            grown = walSize() > before + 1_000_000
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let midWrite = grown && process.terminationReason == .uncaughtSignal

        let store = try MetricStore(path: path)
        let check = try store.database.prepare("PRAGMA integrity_check")
        #expect(try check.step())
        #expect(check.string(0) == "ok")
        let series = try store.allSeries()
        #expect(series["kept"]?[""] == [DayValue(day: day, value: 0.5)])
        let imported = series.filter { $0.key != "kept" }.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }
        #expect(imported == 0 || imported == rows, "a killed import left \(imported) of \(rows) rows")
        return midWrite
    }

    /// Polls on a thread of its own (a sleeping task may wake too late on a loaded machine);
    /// a larger file gives a longer window when a kill missed it.
    @Test func aKilledImportHarmsNothing() async throws {
        let caught = try await Blocking.run {
            for rows in [150_000, 300_000, 600_000] where try Self.killedImport(rows: rows) { return true }
            return false
        }
        #expect(caught, "no import could be killed while it wrote")
    }
}
