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
                guard reader.fieldCount == 4 else {
                    let at = reader.fieldCount > 4 ? 4 : reader.fieldCount - 1
                    throw reader.fail("expected 4 fields (metric,key,day,value), found \(reader.fieldCount)", field: at)
                }
                let at0 = reader.location(field: 0)
                try reader.withField(0) { b, copy in
                    guard CSVImporter.isSlug(b) else {
                        throw Diagnostic("metric '\(String(decoding: b, as: UTF8.self))' is not a slug (a-z, 0-9, '-')", at: at0)
                    }
                    if !b.elementsEqual(lastMetric) {
                        lastMetric = Array(b)
                        metrics.insert(String(decoding: b, as: UTF8.self))
                    }
                    insert.bindText(b, at: 1, copy: copy)
                }
                let at1 = reader.location(field: 1)
                try reader.withField(1) { b, copy in
                    if let problem = StoredText.problem(bytes: b, what: "key") { throw Diagnostic(problem, at: at1) }
                    insert.bindText(b, at: 2, copy: copy)
                }
                let at2 = reader.location(field: 2)
                try reader.withField(2) { b, copy in
                    guard CSVImporter.isDay(b) else {
                        throw Diagnostic("'\(String(decoding: b, as: UTF8.self))' is not a day (YYYY-MM-DD)", at: at2)
                    }
                    insert.bindText(b, at: 3, copy: copy)
                }
                let at3 = reader.location(field: 3)
                try reader.withField(3) { b, _ in
                    guard let value = CSVImporter.number(b) else {
                        throw Diagnostic("value '\(String(decoding: b, as: UTF8.self))' is not a finite number", at: at3)
                    }
                    try insert.bind(value, at: 4)
                }
                try insert.step()
                insert.reset(keepingBindings: true)
                rows += 1
            }
            return CSVImportSummary(rows: rows, metrics: metrics.sorted())
        }
    }
}
