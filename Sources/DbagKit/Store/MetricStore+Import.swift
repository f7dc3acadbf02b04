import CSQLite
import Foundation

private let SQLITE_STATIC = unsafeBitCast(0, to: sqlite3_destructor_type.self)
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Binds bytes as text; empty bytes bind `''`, never NULL.
private func bindText(_ handle: OpaquePointer, _ index: Int32, _ b: UnsafeBufferPointer<UInt8>, copy: Bool) {
    let empty: StaticString = ""
    let pointer = UnsafeRawPointer(b.count > 0 ? b.baseAddress : nil) ?? UnsafeRawPointer(empty.utf8Start)
    sqlite3_bind_text(handle, index, pointer.assumingMemoryBound(to: CChar.self), Int32(b.count), copy ? SQLITE_TRANSIENT : SQLITE_STATIC)
}

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
            throw Diagnostic("the first line must be the header \(StoreCSV.header)", file: file, line: 1)
        }
        let stamp = Timestamp.string(Date())
        // A bigger page cache for the bulk insert (64 MB), back to the default afterwards.
        try database.execute("PRAGMA cache_size = -65536")
        defer { try? database.execute("PRAGMA cache_size = -2000") }
        return try database.transaction {
            let insert = try database.prepare("INSERT OR REPLACE INTO metric_values (metric, key, day, value, collected_at) VALUES (?, ?, ?, ?, ?)")
            try insert.bind(stamp, at: 5)
            let handle = insert.handle
            var rows = 0
            var metrics = Set<String>()
            var lastMetric: [UInt8] = []
            while true {
                let line = reader.line
                guard try reader.nextRecord() else { break }
                if reader.isBlankRecord { continue }
                guard reader.fieldCount == 4 else {
                    throw Diagnostic("expected 4 fields (metric,key,day,value), found \(reader.fieldCount)", file: file, line: line)
                }
                try reader.withField(0) { b, copy in
                    guard CSVImporter.isSlug(b) else {
                        throw Diagnostic("metric '\(String(decoding: b, as: UTF8.self))' is not a slug (a-z, 0-9, '-')", file: file, line: line)
                    }
                    if !b.elementsEqual(lastMetric) {
                        lastMetric = Array(b)
                        metrics.insert(String(decoding: b, as: UTF8.self))
                    }
                    bindText(handle, 1, b, copy: copy)
                }
                reader.withField(1) { b, copy in
                    bindText(handle, 2, b, copy: copy)
                }
                try reader.withField(2) { b, copy in
                    guard CSVImporter.isDay(b) else {
                        throw Diagnostic("'\(String(decoding: b, as: UTF8.self))' is not a day (YYYY-MM-DD)", file: file, line: line)
                    }
                    bindText(handle, 3, b, copy: copy)
                }
                try reader.withField(3) { b, _ in
                    guard let value = CSVImporter.number(b) else {
                        throw Diagnostic("value '\(String(decoding: b, as: UTF8.self))' is not a finite number", file: file, line: line)
                    }
                    sqlite3_bind_double(handle, 4, value)
                }
                let rc = sqlite3_step(handle)
                guard rc == SQLITE_DONE else { throw database.error(rc, sql: insert.sql) }
                sqlite3_reset(handle)
                rows += 1
            }
            return CSVImportSummary(rows: rows, metrics: metrics.sorted())
        }
    }
}
