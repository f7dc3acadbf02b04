import Foundation

/// The checked rows of a CSV import, held as places in the file and put in the store's key
/// order (metric, key, day) before they are written. SQLite appends rows that come in key
/// order at the end of its B-tree without searching it from the root, which saves about a
/// third of the import's work; an exported file is already in that order and is not
/// re-sorted. Of rows with the same key the one later in the file still comes later, so it
/// still wins.
struct CSVImportRows {
    /// One row: its metric (an index into `metrics`), where its key and day start (a key
    /// with doubled quotes lives unescaped in `unescaped`, at `~start`), and its value.
    struct Row {
        var key: Int
        var day: Int
        var value: Double
        var metric: Int32
        var keyCount: Int32
    }

    let file: UnsafeBufferPointer<UInt8>
    private(set) var rows: [Row] = []
    /// Each metric's slug, in order of first appearance, and its index.
    private var metrics: [[UInt8]] = []
    private var metricIndex: [[UInt8]: Int32] = [:]
    private var unescaped: [UInt8] = []
    private var inOrder = true

    init(file: UnsafeBufferPointer<UInt8>) {
        self.file = file
    }

    /// Every metric slug, sorted.
    var slugs: [String] { metrics.map { String(decoding: $0, as: UTF8.self) }.sorted() }

    /// Adds a checked row. The day must be the file's own bytes (a valid day never needs
    /// escaping); false when it is not, or a field is over 2 GB.
    mutating func append(metric: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>, day: UnsafeBufferPointer<UInt8>,
                         value: Double) -> Bool {
        guard let dayStart = place(day), day.count == 10, key.count <= Int32.max, metrics.count < Int32.max else { return false }
        var keyStart = 0
        if let start = place(key) {
            keyStart = start
        } else if !key.isEmpty {
            keyStart = ~unescaped.count
            unescaped.append(contentsOf: key)
        }
        let id = self.id(of: metric)
        let row = Row(key: keyStart, day: dayStart, value: value, metric: id, keyCount: Int32(key.count))
        if inOrder, let last = rows.last {
            if last.metric != id {
                inOrder = CSVImportRows.compare(metrics[Int(last.metric)], metric) < 0
            } else {
                inOrder = compareKeyAndDay(last, row) < 0
            }
        }
        rows.append(row)
        return true
    }

    /// The index of a metric slug; the last one is recognised without a lookup.
    private mutating func id(of metric: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let last = rows.last?.metric, CSVImportRows.compare(metrics[Int(last)], metric) == 0 { return last }
        let bytes = Array(metric)
        if let id = metricIndex[bytes] { return id }
        let id = Int32(metrics.count)
        metrics.append(bytes)
        metricIndex[bytes] = id
        return id
    }

    /// Where `field` starts in the file, or nil when it lies elsewhere.
    private func place(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = file.baseAddress, let start = field.baseAddress, start >= base, start + field.count <= base + file.count else { return nil }
        return start - base
    }

    /// Sorts the rows by key, file order breaking ties, unless they came in order.
    mutating func sort() {
        guard !inOrder else { return }
        let rank = metrics.indices.sorted { CSVImportRows.compare(metrics[$0], metrics[$1]) < 0 }
            .enumerated().reduce(into: [Int32](repeating: 0, count: metrics.count)) { ranks, next in ranks[next.element] = Int32(next.offset) }
        let this = self
        rows.sort { a, b in
            if a.metric != b.metric { return rank[Int(a.metric)] < rank[Int(b.metric)] }
            let order = this.compareKeyAndDay(a, b)
            return order != 0 ? order < 0 : a.day < b.day
        }
        inOrder = true
    }

    /// Calls `body` with each row's fields, in order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, Double) throws -> Void) rethrows {
        for row in rows {
            try metrics[Int(row.metric)].withUnsafeBufferPointer { metric in
                try unescaped.withUnsafeBufferPointer { side in
                    try body(metric, key(row, side: side), UnsafeBufferPointer(rebasing: file[row.day..<row.day + 10]), row.value)
                }
            }
        }
    }

    private func key(_ row: Row, side: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        row.key >= 0
            ? UnsafeBufferPointer(rebasing: file[row.key..<row.key + Int(row.keyCount)])
            : UnsafeBufferPointer(rebasing: side[(~row.key)..<(~row.key + Int(row.keyCount))])
    }

    /// Orders two rows of one metric by key, then day, as SQLite's BINARY collation does.
    private func compareKeyAndDay(_ a: Row, _ b: Row) -> Int32 {
        let order = unescaped.withUnsafeBufferPointer { side in CSVImportRows.compare(key(a, side: side), key(b, side: side)) }
        if order != 0 { return order }
        return CSVImportRows.compare(UnsafeBufferPointer(rebasing: file[a.day..<a.day + 10]), UnsafeBufferPointer(rebasing: file[b.day..<b.day + 10]))
    }

    /// Compares bytes, then lengths (SQLite's BINARY collation): negative, 0 or positive.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let common = min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, common)
            if order != 0 { return order }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    static func compare(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        a.withUnsafeBufferPointer { compare($0, b) }
    }

    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int32 {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { compare(x, $0) } }
    }
}
