import Foundation

extension PostgreSQLStore {
    /// The one path that writes `metric_values` in PostgreSQL (save, collect and import):
    /// `body` sends rows (`appendCopyRow`) by COPY into a temporary table, then one upsert
    /// takes them, as if each row were written in turn (as SQLite does): an existing value
    /// and earlier rows of the same (metric, key, day) are replaced by the last, or with
    /// `replacing: false` the stored value, else the first row, is kept. Many rows into an
    /// empty table skip the upsert (`insertIntoEmptyTable`). Call inside a transaction.
    func upsertValues(stamp: String, replacing: Bool, _ body: (_ send: ([UInt8]) throws(PostgreSQLError) -> Void) throws -> Void) throws {
        try connection.execute("""
            CREATE TEMPORARY TABLE dbag_values (metric text COLLATE "C", key text COLLATE "C", day text COLLATE "C", value double precision, line bigint) ON COMMIT DROP
            """)
        let rows = try connection.copy("COPY dbag_values FROM STDIN", body)
        if rows >= PostgreSQLStore.bulkRows, try insertIntoEmptyTable(stamp: stamp) {
            try connection.execute("DROP TABLE dbag_values")
            return
        }
        let (conflict, wins) = replacing
            ? ("DO UPDATE SET value = EXCLUDED.value, collected_at = EXCLUDED.collected_at", "DESC")
            : ("DO NOTHING", "ASC")
        try connection.query("""
            INSERT INTO metric_values (metric, key, day, value, collected_at)
            SELECT DISTINCT ON (metric, key, day) metric, key, day, value, $1 FROM dbag_values ORDER BY metric, key, day, line \(wins)
            ON CONFLICT (metric, key, day) \(conflict)
            """, [stamp])
        try connection.execute("DROP TABLE dbag_values")
    }

    /// From how many rows `upsertValues` fills an empty `metric_values` in bulk.
    static let bulkRows = 10_000

    /// Into an empty `metric_values` (then locked until the transaction ends), inserts the
    /// rows as they are, with the primary key dropped and built again after: one sort
    /// instead of an index insert per row (`dbag export | dbag import -` into a new store).
    /// False, with nothing changed, when the table holds values, when a (metric, key, day)
    /// repeats (the key cannot be built: 23505), or when the role may write the table but
    /// not alter it (42501).
    private func insertIntoEmptyTable(stamp: String) throws -> Bool {
        let empty = "SELECT NOT EXISTS (SELECT 1 FROM metric_values)"
        guard try connection.query(empty).text(0, 0) == "t" else { return false }
        try connection.execute("SAVEPOINT dbag_bulk")
        do {
            try connection.execute("LOCK TABLE metric_values IN ACCESS EXCLUSIVE MODE")
            guard try connection.query(empty).text(0, 0) == "t" else {
                try connection.execute("ROLLBACK TO SAVEPOINT dbag_bulk")
                return false
            }
            try connection.execute("SET LOCAL maintenance_work_mem = '256MB'; ALTER TABLE metric_values DROP CONSTRAINT metric_values_pkey")
            try connection.query("INSERT INTO metric_values (metric, key, day, value, collected_at) SELECT metric, key, day, value, $1 FROM dbag_values", [stamp])
            try connection.execute("ALTER TABLE metric_values ADD CONSTRAINT metric_values_pkey PRIMARY KEY (metric, key, day)")
            try connection.execute("RELEASE SAVEPOINT dbag_bulk")
            return true
        } catch where ["23505", "42501"].contains(error.sqlState) {
            try connection.execute("ROLLBACK TO SAVEPOINT dbag_bulk")
            return false
        }
    }

    /// Upserts stored values (see `upsertValues`).
    func upsert(_ values: [(metric: String, key: String, day: String, value: Double)], stamp: String, replacing: Bool) throws {
        guard !values.isEmpty else { return }
        try upsertValues(stamp: stamp, replacing: replacing) { send in
            var out: [UInt8] = []
            for (line, row) in values.enumerated() {
                var (metric, key, day) = (row.metric, row.key, row.day)
                metric.withUTF8 { m in
                    key.withUTF8 { k in
                        day.withUTF8 { d in PostgreSQLStore.appendCopyRow(metric: m, key: k, day: d, value: row.value, line: line, to: &out) }
                    }
                }
                if out.count >= 1 << 20 {
                    try send(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            if !out.isEmpty { try send(out) }
        }
    }

    /// Appends one row for `upsertValues` in COPY's text format.
    static func appendCopyRow(metric: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>, day: UnsafeBufferPointer<UInt8>,
                              value: Double, line: Int, to out: inout [UInt8]) {
        appendCopyText(metric, to: &out)
        out.append(9)
        appendCopyText(key, to: &out)
        out.append(9)
        appendCopyText(day, to: &out)
        out.append(9)
        out.append(contentsOf: StoreCSV.number(value).utf8)
        out.append(9)
        out.append(contentsOf: String(line).utf8)
        out.append(10)
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
