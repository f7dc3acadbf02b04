import Foundation

extension MetricStore {
    /// Imports CSV bytes (`metric,key,day,value` header, then rows) in one transaction.
    public func importCSV(_ data: Data, file: String) throws -> CSVImportSummary {
        try data.withUnsafeBytes { raw in
            try importCSV(raw.bindMemory(to: UInt8.self), file: file)
        }
    }

    func importCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CSVImportSummary {
        var reader = CSVImporter(bytes: bytes, file: file)
        try reader.readHeader()
        let stamp = Timestamp.string(Date())
        // A bigger page cache for the bulk insert (64 MB), back to the default afterwards.
        try database.execute("PRAGMA cache_size = -65536")
        defer { try? database.execute("PRAGMA cache_size = -2000") }
        return try database.transaction {
            let writer = MetricValueWriter(database, stamp: stamp)
            var rows = 0
            var metrics = CSVMetricSet()
            while try reader.nextRecord() {
                if reader.isBlankRecord { continue }
                try reader.withCheckedRow { metric, key, day, value in
                    metrics.insert(metric)
                    try writer.add(metric: metric, key: key, day: day, value: value)
                }
                rows += 1
            }
            try writer.finish()
            return CSVImportSummary(rows: rows, metrics: metrics.sorted)
        }
    }
}
