import Foundation

extension PostgreSQLStore {
    /// Imports CSV with `COPY … FROM STDIN`, all in one transaction: every row or none.
    /// Rows are checked as they are read, so a bad row is an error at its line and nothing
    /// is written. Into an empty store, rows are copied straight into `metric_values`
    /// without its primary key, which is built once at the end (a sort, not an index
    /// insert per row). A file that repeats a (metric, key, day) cannot build it, and a
    /// role that does not own the table cannot drop it: then, as into a store with values,
    /// rows are copied into a temporary table, then upserted in one statement in which
    /// the last of repeated rows wins.
    public func importCSV(_ data: Data, file: String) throws -> CSVImportSummary {
        try data.withUnsafeBytes { raw in
            try importCSV(raw.bindMemory(to: UInt8.self), file: file)
        }
    }

    func importCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CSVImportSummary {
        var header = CSVImporter(bytes: bytes, file: file)
        try header.readHeader()
        let stamp = Timestamp.string(Date())
        return try transaction {
            try connection.execute("SAVEPOINT dbag_bulk")
            do {
                if try lockIfEmpty() { return try bulkLoad(bytes, file: file, stamp: stamp) }
                try connection.execute("RELEASE SAVEPOINT dbag_bulk")
            } catch let error as PostgreSQLError where ["23505", "42501"].contains(error.sqlState) {
                // A repeated key, or a role that may write the table but not alter it.
                try connection.execute("ROLLBACK TO SAVEPOINT dbag_bulk")
            }
            return try mergeLoad(bytes, file: file, stamp: stamp)
        }
    }

    /// Whether `metric_values` is empty; when it is, it stays locked (and empty) until the transaction ends.
    private func lockIfEmpty() throws -> Bool {
        let empty = "SELECT NOT EXISTS (SELECT 1 FROM metric_values)"
        guard try connection.query(empty).text(0, 0) == "t" else { return false }
        try connection.execute("LOCK TABLE metric_values IN ACCESS EXCLUSIVE MODE")
        return try connection.query(empty).text(0, 0) == "t"
    }

    /// Copies the rows into the empty `metric_values`, then builds its primary key (23505 on a repeated key).
    private func bulkLoad(_ bytes: UnsafeBufferPointer<UInt8>, file: String, stamp: String) throws -> CSVImportSummary {
        try connection.execute("SET LOCAL maintenance_work_mem = '256MB'; ALTER TABLE metric_values DROP CONSTRAINT metric_values_pkey")
        let stampText = [9] + Array(stamp.utf8)
        let summary = try copyRows(bytes, file: file, into: "COPY metric_values (metric, key, day, value, collected_at) FROM STDIN") { _, out in
            out.append(contentsOf: stampText)
        }
        try connection.execute("ALTER TABLE metric_values ADD CONSTRAINT metric_values_pkey PRIMARY KEY (metric, key, day)")
        try connection.execute("RELEASE SAVEPOINT dbag_bulk")
        return summary
    }

    /// Copies the rows, numbered by line, into a temporary table, then upserts them (the last of repeated rows wins).
    private func mergeLoad(_ bytes: UnsafeBufferPointer<UInt8>, file: String, stamp: String) throws -> CSVImportSummary {
        try connection.execute("""
            CREATE TEMPORARY TABLE dbag_import (metric text COLLATE "C", key text COLLATE "C", day text COLLATE "C", value double precision, line bigint) ON COMMIT DROP
            """)
        let summary = try copyRows(bytes, file: file, into: "COPY dbag_import FROM STDIN") { line, out in
            out.append(9)
            out.append(contentsOf: String(line).utf8)
        }
        try connection.query("""
            INSERT INTO metric_values (metric, key, day, value, collected_at)
            SELECT DISTINCT ON (metric, key, day) metric, key, day, value, $1 FROM dbag_import ORDER BY metric, key, day, line DESC
            ON CONFLICT (metric, key, day) DO UPDATE SET value = EXCLUDED.value, collected_at = EXCLUDED.collected_at
            """, [stamp])
        return summary
    }

    /// Streams every row, checked, to `copy` in COPY's text format: metric, key, day and
    /// value, then what `tail` appends given the row's line; in 1 MB pieces.
    private func copyRows(_ bytes: UnsafeBufferPointer<UInt8>, file: String, into copy: String,
                          tail: (_ line: Int, _ out: inout [UInt8]) -> Void) throws -> CSVImportSummary {
        var reader = CSVImporter(bytes: bytes, file: file)
        try reader.readHeader()
        var rows = 0
        var metrics = Set<String>()
        var lastMetric: [UInt8] = []
        try connection.copy(copy) { send in
            var out: [UInt8] = []
            out.reserveCapacity(1 << 20)
            while true {
                let line = reader.line
                guard try reader.nextRecord() else { break }
                if reader.isBlankRecord { continue }
                let value = try reader.checkedValue()
                reader.withField(0) { b, _ in
                    if !b.elementsEqual(lastMetric) {
                        lastMetric = Array(b)
                        metrics.insert(String(decoding: b, as: UTF8.self))
                    }
                    out.append(contentsOf: b)
                }
                out.append(9)
                reader.withField(1) { b, _ in PostgreSQLStore.appendCopyText(b, to: &out) }
                out.append(9)
                reader.withField(2) { b, _ in out.append(contentsOf: b) }
                out.append(9)
                out.append(contentsOf: StoreCSV.number(value).utf8)
                tail(line, &out)
                out.append(10)
                rows += 1
                if out.count >= 1 << 20 {
                    try send(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            if !out.isEmpty { try send(out) }
        }
        return CSVImportSummary(rows: rows, metrics: metrics.sorted())
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
