import Foundation
import Testing
@testable import DbagKit

/// `dbag import` killed (SIGKILL) while it writes: the store stays whole and holds what it
/// held before, or everything the file had, never a part of it.
@Suite struct ImportKillCLITests {
    @Test func aKilledImportHarmsNothing() async throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", "metrics:\n  kept:\n    format: percent\n")
        let day = Day(ordinal: 20_000)
        let path = project.directory.appendingPathComponent(".dbag/metrics.sqlite").path
        try MetricStore(path: path).save([StoredValue(metric: "kept", day: day, value: 0.5)])
        let before = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let rows = 150_000
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
        // The write-ahead log grows once the rows are being written: kill it then. However
        // slow a loaded machine is, the import cannot end before that happens.
        var grown = false
        for _ in 0..<24_000 where process.isRunning && !grown {
            try await Task.sleep(for: .milliseconds(25))
            let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            grown = size > before + 1_000_000
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let store = try MetricStore(path: path)
        let check = try store.database.prepare("PRAGMA integrity_check")
        #expect(try check.step())
        #expect(check.string(0) == "ok")
        let series = try store.allSeries()
        #expect(series["kept"]?[""] == [DayValue(day: day, value: 0.5)])
        let imported = series.filter { $0.key != "kept" }.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }
        #expect(imported == 0 || imported == rows, "a killed import left \(imported) of \(rows) rows")
        #expect(grown, "the import finished before it could be killed while writing")
    }
}
