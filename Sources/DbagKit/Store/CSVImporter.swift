import Foundation

/// What an import wrote.
public struct CSVImportSummary: Sendable {
    /// Rows read (and written).
    public var rows: Int
    /// Every metric slug the file held, sorted.
    public var metrics: [String]
}


/// Reads `metric,key,day,value` CSV (RFC 4180 quoting, LF or CRLF) straight from
/// bytes into one prepared statement: no per-row Foundation objects. Any bad row
/// stops the import with `file:line:col: error: …` and the transaction writes nothing.
struct CSVImporter {
    /// A field: a byte range of the file, `escaped` when it holds doubled quotes, and
    /// where it starts (`offset`, its opening quote when quoted) on which line. The
    /// column is counted only for an error.
    struct Field {
        var start = 0, end = 0, escaped = false, line = 1, lineStart = 0, offset = 0
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var position = 0
    var line = 1
    /// Where the current line starts, for columns.
    var lineStart = 0
    /// Room for one field more than a row holds, so a fifth can be pointed at.
    var fields = [Field](repeating: Field(), count: 5)
    var fieldCount = 0
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        lineStart = position
    }

    /// The 1-based column of byte `offset` on the line starting at `lineStart`, counting characters (UTF-8 scalars).
    func column(at offset: Int, lineStart: Int) -> Int {
        1 + bytes[lineStart..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// An error at byte `offset` of the current line.
    func fail(_ message: String, at offset: Int) -> Diagnostic {
        Diagnostic(message, file: file, line: line, column: column(at: offset, lineStart: lineStart))
    }

    /// Where field `index` of the current record starts.
    func location(field index: Int) -> SourceLocation {
        let field = fields[index]
        return SourceLocation(file: file, line: field.line, column: column(at: field.offset, lineStart: field.lineStart))
    }

    /// An error at the start of a field.
    func fail(_ message: String, field index: Int) -> Diagnostic {
        Diagnostic(message, at: location(field: index))
    }

    mutating func newLine(at offset: Int) {
        line += 1
        lineStart = offset
    }

    mutating func append(_ field: Field) {
        if fieldCount < fields.count { fields[fieldCount] = field }
        fieldCount += 1
    }

    /// Reads the next record into `fields`; false at the end of the file.
    mutating func nextRecord() throws(Diagnostic) -> Bool {
        guard position < bytes.count else { return false }
        fieldCount = 0
        while true {
            var field = Field(line: line, lineStart: lineStart, offset: position)
            if bytes[position] == 34 {
                let opening = (position, line, lineStart)
                position += 1
                field.start = position
                while true {
                    guard position < bytes.count else {
                        (line, lineStart) = (opening.1, opening.2)
                        throw fail("a quoted field is never closed", at: opening.0)
                    }
                    let c = bytes[position]
                    if c == 34 {
                        if position + 1 < bytes.count, bytes[position + 1] == 34 {
                            field.escaped = true
                            position += 2
                            continue
                        }
                        field.end = position
                        position += 1
                        break
                    }
                    position += 1
                    if c == 10 { newLine(at: position) }
                }
                if position < bytes.count, bytes[position] != 44, bytes[position] != 10, bytes[position] != 13 {
                    throw fail("unexpected text after a closing quote", at: position)
                }
            } else {
                field.start = position
                while position < bytes.count {
                    let c = bytes[position]
                    if c == 44 || c == 10 || c == 13 { break }
                    if c == 34 { throw fail("a quote inside an unquoted field (quote the whole field and double the quote)", at: position) }
                    position += 1
                }
                field.end = position
            }
            append(field)
            guard position < bytes.count else { return true }
            switch bytes[position] {
            case 44:
                position += 1
                if position == bytes.count {
                    // A comma at the very end: one more, empty field.
                    append(Field(start: position, end: position, line: line, lineStart: lineStart, offset: position))
                    return true
                }
            case 13:
                position += 1
                if position < bytes.count, bytes[position] == 10 { position += 1 }
                newLine(at: position)
                return true
            default:
                position += 1
                newLine(at: position)
                return true
            }
        }
    }

    /// Calls `body` with field `index`'s bytes, unescaping doubled quotes when needed.
    mutating func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> T) rethrows -> T {
        let field = fields[index]
        let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.escaped else { return try body(raw, false) }
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < raw.count {
            scratch.append(raw[i])
            i += raw[i] == 34 ? 2 : 1
        }
        return try scratch.withUnsafeBufferPointer { try body($0, true) }
    }

    var isBlankRecord: Bool {
        fieldCount == 1 && fields[0].start == fields[0].end && (fields[0].start == 0 || bytes[fields[0].start - 1] != 34)
    }

    static func isSlug(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        !b.isEmpty && b.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    static func isDay(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 10, b[4] == 45, b[7] == 45 else { return false }
        var digits = (0, 0, 0), valid = true
        for i in 0..<10 where i != 4 && i != 7 {
            let digit = b[i] &- 48
            valid = valid && digit < 10
            if i < 4 { digits.0 = digits.0 * 10 + Int(digit) } else if i < 7 { digits.1 = digits.1 * 10 + Int(digit) } else { digits.2 = digits.2 * 10 + Int(digit) }
        }
        let (year, month, day) = digits
        return valid && (1...12).contains(month) && day >= 1 && day <= Day.daysIn(month: month, year: year)
    }
}
