import DbagKit
import Foundation

/// `import`: a 1,000,000-row CSV (1,000 metrics × 1,000 days; every tenth metric
/// per-object) imported into an empty store, then exported.
enum ImportBenchmark {
    static let mode = BenchMode(
        name: "import",
        summary: "a 1,000,000-row CSV into an empty store, then exported (small: 100,000 rows)",
        prepare: { folder, size in try makeCSV(folder.appendingPathComponent("all.csv"), metrics: size == .small ? 100 : 1000) },
        run: { folder, _ in try run(folder) })

    static func run(_ folder: URL) throws -> [BenchFigure] {
        let storePath = folder.appendingPathComponent("store-\(getpid()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        }
        return try measure(into: try MetricStore(path: storePath), from: folder)
    }

    /// Imports the folder's CSV into an empty `store`, then exports it; fails unless the export is as long as the file.
    static func measure(into store: any Store, from folder: URL) throws -> [BenchFigure] {
        let file = folder.appendingPathComponent("all.csv")
        let csvBytes = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? -1
        var summary: CSVImportSummary?
        let seconds = try BenchFolder.time { summary = try store.importCSV(contentsOf: file) }
        let rows = summary?.rows ?? 0
        var bytes = 0
        let exported = try BenchFolder.time { try store.exportCSV { bytes += $0.count } }
        guard rows > 0, bytes == csvBytes else {
            throw BenchFailure("imported \(rows) rows; exported \(bytes) bytes of a \(csvBytes)-byte file")
        }
        return [BenchFigure("import", seconds, "s"), BenchFigure("import rate", Double(rows) / seconds, "rows/s"),
                BenchFigure("export", exported, "s")]
    }

    static func makeCSV(_ file: URL, metrics: Int) throws {
        var csv = [UInt8]()
        csv.reserveCapacity(metrics * 40_000)
        csv += Array("metric,key,day,value\n".utf8)
        let first = Day(ordinal: 19_000)
        let dayTexts = (0..<1000).map { Array(first.advanced(by: $0).description.utf8) }
        for m in 0..<metrics {
            let slug = Array("metric-\(m)".utf8)
            let keys: [[UInt8]] = m % 10 == 0 ? (0..<10).map { Array("customer-\($0)".utf8) } : [[]]
            let days = m % 10 == 0 ? 100 : 1000
            for key in keys {
                for d in 0..<days {
                    csv += slug; csv.append(44); csv += key; csv.append(44); csv += dayTexts[d]; csv.append(44)
                    csv += Array(StoreCSV.number(Double((m * 7919 + d * 104_729) % 100_000) / 4).utf8)
                    csv.append(10)
                }
            }
        }
        try Data(csv).write(to: file)
    }
}
