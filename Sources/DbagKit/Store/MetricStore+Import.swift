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
        guard try reader.nextRecord(), reader.fieldCount == 4,
              (0..<4).allSatisfy({ i in reader.withField(i) { b, _ in String(decoding: b, as: UTF8.self) } == ["metric", "key", "day", "value"][i] })
        else {
            throw Diagnostic("the first line must be the header \(StoreCSV.header)", file: file, line: 1, column: 1)
        }
        let stamp = Timestamp.string(Date())
        // A bigger page cache for the bulk insert (64 MB), back to the default afterwards.
        try database.execute("PRAGMA cache_size = -65536")
        defer { try? database.execute("PRAGMA cache_size = -2000") }
        return try database.transaction {
            let insert = try database.prepare("INSERT OR REPLACE INTO metric_values (metric, key, day, value, collected_at) VALUES (?, ?, ?, ?, ?)")
            try insert.bind(stamp, at: 5)
            var rows = 0
            var metrics = Set<String>()
            var lastMetric: [UInt8] = []
            while try reader.nextRecord() {
                if reader.isBlankRecord { continue }
                let value = try reader.checkedValue()
                reader.withField(0) { b, copy in
                    if !b.elementsEqual(lastMetric) {
                        lastMetric = Array(b)
                        metrics.insert(String(decoding: b, as: UTF8.self))
                    }
                    insert.bindText(b, at: 1, copy: copy)
                }
                reader.withField(1) { b, copy in _ = insert.bindText(b, at: 2, copy: copy) }
                reader.withField(2) { b, copy in _ = insert.bindText(b, at: 3, copy: copy) }
                try insert.bind(value, at: 4)
                try insert.step()
                insert.reset(keepingBindings: true)
                rows += 1
            }
            return CSVImportSummary(rows: rows, metrics: metrics.sorted())
        }
    }
}
