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

    /// Imports CSV through `upsertValues`, all in one transaction: every row or none.
    /// Rows are checked as they are read, so a bad row is an error at its line and
    /// nothing is written.
    public func importCSV(_ data: Data, file: String) throws -> CSVImportSummary {
        try data.withUnsafeBytes { raw in
            try importCSV(raw.bindMemory(to: UInt8.self), file: file)
        }
    }

    func importCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CSVImportSummary {
        var header = CSVImporter(bytes: bytes, file: file)
        try header.readHeader()
        return try transaction {
            var rows = 0
            var metrics = CSVMetricSet()
            try upsertValues(stamp: Timestamp.string(Date()), replacing: true) { copy in
                // From the top each time: upsertValues may ask for the rows twice.
                var reader = header
                rows = 0
                while try reader.nextRecord() {
                    if reader.isBlankRecord { continue }
                    try reader.withCheckedRow { metric, key, day, value in
                        metrics.insert(metric)
                        try copy.append(metric: metric, key: key, day: day, value: value)
                    }
                    rows += 1
                }
            }
            return CSVImportSummary(rows: rows, metrics: metrics.sorted)
        }
    }
}
