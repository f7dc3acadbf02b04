import CSQLite
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
/// stops the import with `file:line: error: …` and the transaction writes nothing.
struct CSVImporter {
    /// A field: a byte range of the file, `escaped` when it holds doubled quotes.
    struct Field {
        var start = 0, end = 0, escaped = false
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var position = 0
    var line = 1
    var fields = [Field](repeating: Field(), count: 4)
    var fieldCount = 0
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    func fail(_ message: String, line: Int) -> Diagnostic {
        Diagnostic(message, file: file, line: line)
    }

    /// Reads the next record into `fields`; false at the end of the file.
    mutating func nextRecord() throws(Diagnostic) -> Bool {
        guard position < bytes.count else { return false }
        fieldCount = 0
        let recordLine = line
        while true {
            var field = Field()
            if bytes[position] == 34 {
                position += 1
                field.start = position
                while true {
                    guard position < bytes.count else { throw fail("a quoted field is never closed", line: recordLine) }
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
                    if c == 10 { line += 1 }
                    position += 1
                }
                if position < bytes.count, bytes[position] != 44, bytes[position] != 10, bytes[position] != 13 {
                    throw fail("unexpected text after a closing quote", line: line)
                }
            } else {
                field.start = position
                while position < bytes.count {
                    let c = bytes[position]
                    if c == 44 || c == 10 || c == 13 { break }
                    if c == 34 { throw fail("a quote inside an unquoted field (quote the whole field and double the quote)", line: line) }
                    position += 1
                }
                field.end = position
            }
            if fieldCount < fields.count { fields[fieldCount] = field }
            fieldCount += 1
            guard position < bytes.count else { return true }
            switch bytes[position] {
            case 44:
                position += 1
                if position == bytes.count {
                    fieldCount += 1
                    return true
                }
            case 13:
                position += 1
                if position < bytes.count, bytes[position] == 10 { position += 1 }
                line += 1
                return true
            default:
                position += 1
                line += 1
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
        var n = [0, 0, 0], part = 0
        for (i, c) in b.enumerated() where i != 4 && i != 7 {
            guard c >= 48, c <= 57 else { return false }
            part = i < 4 ? 0 : (i < 7 ? 1 : 2)
            n[part] = n[part] * 10 + Int(c - 48)
        }
        return Day(year: n[0], month: n[1], day: n[2]) != nil
    }

    /// Parses a finite decimal number (`12`, `-0.25`, `1e-7`); nil otherwise.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !b.isEmpty, b.count < 64 else { return nil }
        for c in b where !((c >= 48 && c <= 57) || c == 46 || c == 45 || c == 43 || c == 101 || c == 69) { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for (i, c) in b.enumerated() { base[i] = CChar(bitPattern: c) }
            base[b.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end == base + b.count, value.isFinite else { return nil }
            return value
        }
    }
}
