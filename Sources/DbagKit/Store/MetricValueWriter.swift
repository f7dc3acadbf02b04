/// The one way rows reach `metric_values` in a SQLite store: collect, record and import all
/// write through it, inside the caller's transaction. A row replaces the value stored for its
/// (metric, key, day), or with `replacing: false` leaves an existing one alone; of two rows
/// with the same key the later wins (or, not replacing, the earlier stays). Rows gather in a
/// buffer and go to SQLite `batch` at a time in one prepared multi-row INSERT; call `finish()`
/// before the transaction commits.
final class MetricValueWriter {
    /// Rows per statement: enough that one step of SQLite serves many rows.
    static let batch = 64

    private let database: SQLiteDatabase
    private let replacing: Bool
    private let stamp: String
    /// The statement for `batch` rows, and one for a shorter last batch, by row count.
    private var statements: [Int: SQLiteStatement] = [:]
    /// The pending rows: their text fields end to end in `bytes` (`used` of `capacity`),
    /// where each field ends, and each value. Plain memory, not arrays: this is the
    /// import's inner loop, and arrays in a class pay for an exclusivity check per access.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity = 8192
    private var used = 0
    private let ends = UnsafeMutablePointer<Int>.allocate(capacity: MetricValueWriter.batch * 3)
    private let values = UnsafeMutablePointer<Double>.allocate(capacity: MetricValueWriter.batch)
    private var rows = 0

    init(_ database: SQLiteDatabase, replacing: Bool = true, stamp: String) {
        self.database = database
        self.replacing = replacing
        self.stamp = stamp
        bytes = .allocate(capacity: capacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
        values.deallocate()
    }

    /// Adds a row from raw text bytes (a slug, a key, a `YYYY-MM-DD` day), copied here.
    func add(metric: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>, day: UnsafeBufferPointer<UInt8>,
             value: Double) throws(SQLiteError) {
        let needed = used + metric.count + key.count + day.count
        if needed > capacity { grow(to: needed) }
        append(metric, field: rows * 3)
        append(key, field: rows * 3 + 1)
        append(day, field: rows * 3 + 2)
        values[rows] = value
        rows += 1
        if rows == MetricValueWriter.batch { try flush() }
    }

    /// Adds a row.
    func add(metric: String, key: String, day: Day, value: Double) throws {
        var (metric, key, day) = (metric, key, day.description)
        try metric.withUTF8 { m in
            try key.withUTF8 { k in
                try day.withUTF8 { d in try add(metric: m, key: k, day: d, value: value) }
            }
        }
    }

    private func append(_ field: UnsafeBufferPointer<UInt8>, field index: Int) {
        if let source = field.baseAddress { (bytes + used).update(from: source, count: field.count) }
        used += field.count
        ends[index] = used
    }

    /// Makes room for `needed` bytes, keeping the pending ones.
    private func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: bytes, count: used)
        bytes.deallocate()
        bytes = larger
    }

    /// Writes the rows still pending.
    func finish() throws(SQLiteError) {
        if rows > 0 { try flush() }
    }

    /// Binds every pending row to one statement (the text straight from the buffer) and runs it.
    private func flush() throws(SQLiteError) {
        let statement = try self.statement(rows: rows)
        defer {
            statement.reset(keepingBindings: true)
            used = 0
            rows = 0
        }
        var start = 0
        for field in 0..<rows * 3 {
            let end = ends[field]
            let rc = statement.bindText(UnsafeBufferPointer(start: bytes + start, count: end - start),
                                        at: Int32(2 + field / 3 * 4 + field % 3), copy: false)
            if rc != 0 { throw database.error(rc, sql: statement.sql) }
            start = end
        }
        for row in 0..<rows { try statement.bind(values[row], at: Int32(5 + row * 4)) }
        try statement.step()
    }

    /// The INSERT for `rows` rows: `?1` is the stamp, then metric, key, day, value per row.
    private func statement(rows: Int) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[rows] { return statement }
        let tuples = (0..<rows).map { row in
            let first = 2 + row * 4
            return "(?\(first), ?\(first + 1), ?\(first + 2), ?\(first + 3), ?1)"
        }
        let statement = try database.prepare("INSERT OR \(replacing ? "REPLACE" : "IGNORE") INTO metric_values (metric, key, day, value, collected_at) VALUES "
                                             + tuples.joined(separator: ", "))
        try statement.bind(stamp, at: 1)
        statements[rows] = statement
        return statement
    }
}
