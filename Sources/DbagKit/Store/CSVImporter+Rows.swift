/// The checks every engine's import makes, row by row, with the same messages.
extension CSVImporter {
    /// Reads and checks the header line.
    mutating func readHeader() throws(Diagnostic) {
        guard try nextRecord(), fieldCount == 4,
              (0..<4).allSatisfy({ i in withField(i) { b, _ in String(decoding: b, as: UTF8.self) } == ["metric", "key", "day", "value"][i] })
        else {
            throw Diagnostic("the first line must be the header \(StoreCSV.header)", file: file, line: 1)
        }
    }

    /// Checks the record just read (four fields, a slug, a key without NUL, a day, a finite number)
    /// and returns its value; each error is located at the field at fault.
    mutating func checkedValue() throws -> Double {
        guard fieldCount == 4 else {
            throw fail("expected 4 fields (metric,key,day,value), found \(fieldCount)", field: fieldCount > 4 ? 4 : fieldCount - 1)
        }
        let at = (0..<4).map { location(field: $0) }
        try withField(0) { b, _ in
            guard CSVImporter.isSlug(b) else {
                throw Diagnostic("metric '\(String(decoding: b, as: UTF8.self))' is not a slug (a-z, 0-9, '-')", at: at[0])
            }
        }
        try withField(1) { b, _ in
            if let problem = StoredText.problem(bytes: b, what: "key") { throw Diagnostic(problem, at: at[1]) }
        }
        try withField(2) { b, _ in
            guard CSVImporter.isDay(b) else {
                throw Diagnostic("'\(String(decoding: b, as: UTF8.self))' is not a day (YYYY-MM-DD)", at: at[2])
            }
        }
        return try withField(3) { b, _ -> Double in
            guard let value = CSVImporter.number(b) else {
                throw Diagnostic("value '\(String(decoding: b, as: UTF8.self))' is not a finite number", at: at[3])
            }
            return value
        }
    }
}
