import Foundation

extension PostgreSQLStore {
    /// Writes every value as CSV, byte for byte as the SQLite store does, read through a cursor.
    public func exportCSV(_ write: (Data) throws -> Void) throws {
        try transaction {
            try connection.execute("DECLARE dbag_export NO SCROLL CURSOR FOR SELECT metric, key, day, value FROM metric_values ORDER BY metric, key, day")
            var out: [UInt8] = Array((StoreCSV.header + "\n").utf8)
            while true {
                let result = try connection.query("FETCH 50000 FROM dbag_export")
                if result.rowCount == 0 { break }
                for row in 0..<result.rowCount {
                    for column in 0..<3 {
                        var text = result.text(row, column)
                        text.withUTF8 { StoreCSV.appendField($0, to: &out) }
                        out.append(44)
                    }
                    out.append(contentsOf: StoreCSV.number(Double(result.text(row, 3)) ?? .nan).utf8)
                    out.append(10)
                }
                try write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
            if !out.isEmpty { try write(Data(out)) }
        }
    }

    /// Imports CSV with `COPY … FROM STDIN` into a temporary table, then one upsert,
    /// all in one transaction: every row or none. Rows are checked as they are read,
    /// so a bad row is an error at its line and nothing is written.
    public func importCSV(_ data: Data, file: String) throws -> CSVImportSummary {
        try data.withUnsafeBytes { raw in
            try importCSV(raw.bindMemory(to: UInt8.self), file: file)
        }
    }

    func importCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CSVImportSummary {
        var reader = CSVImporter(bytes: bytes, file: file)
        try reader.readHeader()
        return try transaction {
            try connection.execute("""
                CREATE TEMPORARY TABLE dbag_import (metric text COLLATE "C", key text COLLATE "C", day text COLLATE "C", value double precision, line bigint) ON COMMIT DROP
                """)
            var rows = 0
            var metrics = CSVMetricSet()
            try connection.copy("COPY dbag_import FROM STDIN") { send in
                var out: [UInt8] = []
                out.reserveCapacity(1 << 20)
                while true {
                    let line = reader.line
                    guard try reader.nextRecord() else { break }
                    if reader.isBlankRecord { continue }
                    let value = try reader.withCheckedRow { metric, key, day, value in
                        metrics.insert(metric)
                        out.append(contentsOf: metric)
                        out.append(9)
                        PostgreSQLStore.appendCopyText(key, to: &out)
                        out.append(9)
                        out.append(contentsOf: day)
                        out.append(9)
                        return value
                    }
                    out.append(contentsOf: StoreCSV.number(value).utf8)
                    out.append(9)
                    out.append(contentsOf: String(line).utf8)
                    out.append(10)
                    rows += 1
                    if out.count >= 1 << 20 {
                        try send(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
                if !out.isEmpty { try send(out) }
            }
            try connection.query("""
                INSERT INTO metric_values (metric, key, day, value, collected_at)
                SELECT DISTINCT ON (metric, key, day) metric, key, day, value, $1 FROM dbag_import ORDER BY metric, key, day, line DESC
                ON CONFLICT (metric, key, day) DO UPDATE SET value = EXCLUDED.value, collected_at = EXCLUDED.collected_at
                """, [Timestamp.string(Date())])
            return CSVImportSummary(rows: rows, metrics: metrics.sorted)
        }
    }

    /// Appends text in COPY's text format: backslash, tab, newline and carriage return escaped.
    static func appendCopyText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 92: out += [92, 92]
            case 9: out += [92, 116]
            case 10: out += [92, 110]
            case 13: out += [92, 114]
            default: out.append(byte)
            }
        }
    }
}
