import DbagKit
import Foundation

/// A 1,000,000-row CSV (1,000 metrics × 1,000 days; every tenth metric per-object) imported
/// into an empty store, then exported.
enum ImportBenchmark {
    static func run() throws {
        let folder = try BenchFolder.make("import")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = [UInt8]()
        csv.reserveCapacity(40_000_000)
        csv += Array("metric,key,day,value\n".utf8)
        var rows = 0
        let first = Day(ordinal: 19_000)
        let dayTexts = (0..<1000).map { Array(first.advanced(by: $0).description.utf8) }
        for m in 0..<1000 {
            let slug = Array("metric-\(m)".utf8)
            let keys: [[UInt8]] = m % 10 == 0 ? (0..<10).map { Array("customer-\($0)".utf8) } : [[]]
            let days = m % 10 == 0 ? 100 : 1000
            for key in keys {
                for d in 0..<days {
                    csv += slug; csv.append(44); csv += key; csv.append(44); csv += dayTexts[d]; csv.append(44)
                    csv += Array(StoreCSV.number(Double((m * 7919 + d * 104_729) % 100_000) / 4).utf8)
                    csv.append(10)
                    rows += 1
                }
            }
        }
        let file = folder.appendingPathComponent("all.csv")
        try Data(csv).write(to: file)
        print("csv: \(rows) rows, \(csv.count / 1_000_000) MB")

        let store = try MetricStore(path: folder.appendingPathComponent("store.sqlite").path)
        var summary: CSVImportSummary?
        let seconds = try BenchFolder.time { summary = try store.importCSV(contentsOf: file) }
        print("import: \(summary?.rows ?? 0) rows in \(BenchFolder.format(seconds)) s = \(Int(Double(rows) / seconds)) rows/s")

        var bytes = 0
        let exported = try BenchFolder.time { try store.exportCSV { bytes += $0.count } }
        print("export: \(bytes / 1_000_000) MB in \(BenchFolder.format(exported)) s = \(Int(Double(rows) / exported)) rows/s"
              + (bytes == csv.count ? " (byte-identical size)" : " (size differs: \(bytes) vs \(csv.count))"))
    }
}
