import Foundation

extension PostgreSQLStore {
    /// The one path that writes `metric_values` in PostgreSQL (save, collect and import):
    /// `body` appends rows to a `CopyRows`, sent by COPY into a temporary table, then one
    /// upsert takes them, as if each row were written in turn (as SQLite does): an existing
    /// value and earlier rows of the same (metric, key, day) are replaced by the last, or
    /// with `replacing: false` the stored value, else the first row, is kept. Into an empty
    /// table the rows go straight in (`copyIntoEmptyTable`); when they repeat a key, `body`
    /// runs a second time for the upsert, so it must append the same rows each time.
    /// Call inside a transaction.
    func upsertValues(stamp: String, replacing: Bool, _ body: (inout CopyRows) throws -> Void) throws {
        if try copyIntoEmptyTable(stamp: stamp, body) { return }
        try connection.execute("""
            CREATE TEMPORARY TABLE dbag_values (metric text COLLATE "C", key text COLLATE "C", day text COLLATE "C",
                value double precision, collected_at text, line bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP
            """)
        // Identity values follow the input's order: `line` numbers the rows as sent.
        try copy("COPY dbag_values (metric, key, day, value, collected_at) FROM STDIN", stamp: stamp, body)
        let (conflict, wins) = replacing
            ? ("DO UPDATE SET value = EXCLUDED.value, collected_at = EXCLUDED.collected_at", "DESC")
            : ("DO NOTHING", "ASC")
        try connection.execute("""
            INSERT INTO metric_values (metric, key, day, value, collected_at)
            SELECT DISTINCT ON (metric, key, day) metric, key, day, value, collected_at FROM dbag_values ORDER BY metric, key, day, line \(wins)
            ON CONFLICT (metric, key, day) \(conflict)
            """)
        try connection.execute("DROP TABLE dbag_values")
    }

    /// Into an empty `metric_values` (then locked until the transaction ends), copies the
    /// rows straight in with the primary key dropped, and builds it again after: one sort
    /// instead of an index insert per row (`dbag export | dbag import -` into a new store).
    /// False, with nothing changed, when the table holds values, when a (metric, key, day)
    /// repeats (the key cannot be built: 23505), or when the role may write the table but
    /// not alter it (42501).
    private func copyIntoEmptyTable(stamp: String, _ body: (inout CopyRows) throws -> Void) throws -> Bool {
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
            try copy("COPY metric_values (metric, key, day, value, collected_at) FROM STDIN", stamp: stamp, body)
            try connection.execute("ALTER TABLE metric_values ADD CONSTRAINT metric_values_pkey PRIMARY KEY (metric, key, day)")
            try connection.execute("RELEASE SAVEPOINT dbag_bulk")
            return true
        } catch let error as PostgreSQLError where ["23505", "42501"].contains(error.sqlState) {
            try connection.execute("ROLLBACK TO SAVEPOINT dbag_bulk")
            return false
        }
    }

    /// Runs `copy` with the rows `body` appends.
    private func copy(_ sql: String, stamp: String, _ body: (inout CopyRows) throws -> Void) throws {
        try connection.copy(sql) { send in
            try withoutActuallyEscaping(send) { send in
                var rows = CopyRows(stamp: stamp, send: send)
                try body(&rows)
                try rows.flush()
            }
        }
    }

    /// Upserts stored values (see `upsertValues`).
    func upsert(_ values: [(metric: String, key: String, day: String, value: Double)], stamp: String, replacing: Bool) throws {
        guard !values.isEmpty else { return }
        try upsertValues(stamp: stamp, replacing: replacing) { rows in
            for row in values {
                var (metric, key, day) = (row.metric, row.key, row.day)
                try metric.withUTF8 { m in
                    try key.withUTF8 { k in
                        try day.withUTF8 { d in try rows.append(metric: m, key: k, day: d, value: row.value) }
                    }
                }
            }
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

/// Rows for `upsertValues` (metric, key, day, value, and the write's time stamp) in
/// COPY's text format, sent in pieces of about 1 MB.
struct CopyRows {
    private let end: [UInt8]
    private let send: ([UInt8]) throws(PostgreSQLError) -> Void
    private var out: [UInt8] = []

    init(stamp: String, send: @escaping ([UInt8]) throws(PostgreSQLError) -> Void) {
        end = [9] + Array(stamp.utf8) + [10]
        self.send = send
        out.reserveCapacity(1 << 20)
    }

    /// Appends one row; sends what it holds once that passes 1 MB.
    mutating func append(metric: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>, day: UnsafeBufferPointer<UInt8>,
                         value: Double) throws(PostgreSQLError) {
        PostgreSQLStore.appendCopyText(metric, to: &out)
        out.append(9)
        PostgreSQLStore.appendCopyText(key, to: &out)
        out.append(9)
        PostgreSQLStore.appendCopyText(day, to: &out)
        out.append(9)
        out.append(contentsOf: StoreCSV.number(value).utf8)
        out.append(contentsOf: end)
        if out.count >= 1 << 20 { try flush() }
    }

    /// Sends what it holds.
    mutating func flush() throws(PostgreSQLError) {
        guard !out.isEmpty else { return }
        try send(out)
        out.removeAll(keepingCapacity: true)
    }
}
