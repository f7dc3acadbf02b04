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
}
