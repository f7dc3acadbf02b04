import Foundation

extension MetricStore {
    /// Imports CSV bytes (`metric,key,day,value` header, then rows) in one transaction.
    public func importCSV(_ data: Data, file: String) throws -> CSVImportSummary {
        try data.withUnsafeBytes { raw in
            try importCSV(raw.bindMemory(to: UInt8.self), file: file)
        }
    }

    /// Reads and checks every row first (a bad row stops the import before the store is
    /// touched), puts them in key order, then writes them in one transaction.
    func importCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CSVImportSummary {
        var reader = CSVImporter(bytes: bytes, file: file)
        try reader.readHeader()
        var rows = CSVImportRows(file: bytes)
        while try reader.nextRecord() {
            if reader.isBlankRecord { continue }
            let added = try reader.withCheckedRow { metric, key, day, value in rows.append(metric: metric, key: key, day: day, value: value) }
            guard added else { throw reader.fail("the row cannot be imported (a field over 2 GB?)", field: 0) }
        }
        rows.sort()
        let stamp = Timestamp.string(Date())
        try database.transaction {
            let writer = MetricValueWriter(database, stamp: stamp)
            try rows.forEach { metric, key, day, value in try writer.add(metric: metric, key: key, day: day, value: value) }
            try writer.finish()
        }
        return CSVImportSummary(rows: rows.rows.count, metrics: rows.slugs)
    }
}
