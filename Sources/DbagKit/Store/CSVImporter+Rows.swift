/// The checks every engine's import makes, row by row, with the same messages.
extension CSVImporter {
    /// Reads and checks the header line.
    mutating func readHeader() throws(Diagnostic) {
        guard try nextRecord(), fieldCount == 4,
              (0..<4).allSatisfy({ i in withField(i) { b, _ in String(decoding: b, as: UTF8.self) } == ["metric", "key", "day", "value"][i] })
        else {
            throw Diagnostic("the first line must be the header \(StoreCSV.header)", file: file, line: 1, column: 1)
        }
    }

    /// Checks the record just read (four fields, a slug, a key of UTF-8 without NUL, a day, a
    /// finite number) and hands `body` its metric, key and day bytes (valid only during the
    /// call) and its value; each error is located at the field at fault.
    mutating func withCheckedRow<T>(_ body: (_ metric: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>,
                                             _ day: UnsafeBufferPointer<UInt8>, _ value: Double) throws -> T) throws -> T {
        guard fieldCount == 4 else {
            throw fail("expected 4 fields (metric,key,day,value), found \(fieldCount)", field: fieldCount > 4 ? 4 : fieldCount - 1)
        }
        let unescaped = fields[0].escaped || fields[1].escaped || fields[2].escaped || fields[3].escaped
        guard unescaped else {
            return try checked(raw(0), raw(1), raw(2), raw(3), body)
        }
        // Rare: doubled quotes. Unescape those fields into one buffer and point into it;
        // the others still point into the file.
        var ranges: [Range<Int>?] = [], joined: [UInt8] = []
        for i in 0..<4 {
            guard fields[i].escaped else {
                ranges.append(nil)
                continue
            }
            let start = joined.count
            withField(i) { b, _ in joined.append(contentsOf: b) }
            ranges.append(start..<joined.count)
        }
        let raws = (0..<4).map { raw($0) }
        return try joined.withUnsafeBufferPointer { s in
            let part = (0..<4).map { i in ranges[i].map { UnsafeBufferPointer(rebasing: s[$0]) } ?? raws[i] }
            return try checked(part[0], part[1], part[2], part[3], body)
        }
    }

    /// Field `index` as it stands in the file (right unless it is escaped).
    private func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[fields[index].start..<fields[index].end])
    }

    private func checked<T>(_ metric: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>, _ day: UnsafeBufferPointer<UInt8>,
                            _ text: UnsafeBufferPointer<UInt8>,
                            _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, Double) throws -> T) throws -> T {
        guard CSVImporter.isSlug(metric) else {
            throw fail("metric '\(String(decoding: metric, as: UTF8.self))' is not a slug (a-z, 0-9, '-')", field: 0)
        }
        if let problem = StoredText.problem(bytes: key, what: "key") { throw fail(problem, field: 1) }
        guard CSVImporter.isDay(day) else {
            throw fail("'\(String(decoding: day, as: UTF8.self))' is not a day (YYYY-MM-DD)", field: 2)
        }
        guard let value = CSVImporter.number(text) else {
            throw fail("value '\(String(decoding: text, as: UTF8.self))' is not a finite number", field: 3)
        }
        return try body(metric, key, day, value)
    }
}
