/// Escaping for HTML and SVG: every string from config, store or dashboards
/// passes through here before it lands in a page. Control characters (which
/// XML forbids and HTML calls errors) become U+FFFD; tab, newline and carriage
/// return stay.
public enum HTML {
    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ text: some StringProtocol) -> String {
        clean(text, escapingMarkup: true)
    }

    /// A whole page or document with every control character replaced, markup kept.
    public static func withoutControlCharacters(_ text: some StringProtocol) -> String {
        clean(text, escapingMarkup: false)
    }

    private static let replacement = Array("\u{FFFD}".utf8)

    private static func clean(_ text: some StringProtocol, escapingMarkup: Bool) -> String {
        let utf8 = text.utf8
        guard !isClean(utf8, markup: escapingMarkup) else { return String(text) }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "&") where escapingMarkup: out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<") where escapingMarkup: out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">") where escapingMarkup: out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where escapingMarkup: out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'") where escapingMarkup: out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: out += replacement
            case 0xC2 where i < bytes.count && (0x80...0x9F).contains(bytes[i]):  // U+0080–U+009F
                out += replacement
                i += 1
            case 0xEF where i + 1 < bytes.count && bytes[i] == 0xBF && bytes[i + 1] >= 0xBE:  // U+FFFE, U+FFFF
                out += replacement
                i += 2
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether nothing in the bytes needs replacing (one pass, no copy); straight over
    /// the string's own bytes when they are contiguous (whole pages pass through here).
    private static func isClean(_ utf8: some Sequence<UInt8>, markup: Bool) -> Bool {
        if let clean = utf8.withContiguousStorageIfAvailable({ isClean(bytes: $0, markup: markup) }) {
            return clean
        }
        return isCleanBytes(utf8, markup: markup)
    }

    /// `isCleanBytes` over contiguous bytes, printable ASCII (the common case) first.
    private static func isClean(bytes: UnsafeBufferPointer<UInt8>, markup: Bool) -> Bool {
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time while they are all printable ASCII without markup.
            if i + 8 <= bytes.count, let base = bytes.baseAddress,
               isPlainWord(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self), markup: markup) {
                i += 8
                continue
            }
            let byte = bytes[i]
            if byte >= 0x20 && byte < 0x7F {
                if markup && isMarkup(byte) { return false }
                i += 1
                continue
            }
            switch byte {
            case 0x09, 0x0A, 0x0D: break
            case 0x00..<0x20, 0x7F: return false
            case 0x80...0x9F where i > 0 && bytes[i - 1] == 0xC2: return false
            case 0xBE, 0xBF: if i > 1 && bytes[i - 1] == 0xBF && bytes[i - 2] == 0xEF { return false }
            default: break
            }
            i += 1
        }
        return true
    }

    /// Whether each of the eight bytes of `word` is printable ASCII (0x20–0x7E) and,
    /// with `markup`, none of `& < > " '` (bit tricks: a high bit marks a hit).
    @inline(__always)
    private static func isPlainWord(_ word: UInt64, markup: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs  // a byte < 0x20
        let above = ((word &+ ones) | word) & highs  // a byte ≥ 0x7F
        guard below | above == 0 else { return false }
        guard markup else { return true }
        return !hasByte(word, 0x26) && !hasByte(word, 0x3C) && !hasByte(word, 0x3E)
            && !hasByte(word, 0x22) && !hasByte(word, 0x27)
    }

    /// Whether one of the eight bytes of `word` (all below 0x80) equals `byte`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let v = word ^ (ones &* byte)
        return (v &- ones) & ~v & 0x8080_8080_8080_8080 != 0
    }

    /// One of `& < > " '`.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// `isClean` byte by byte, with the two bytes before each for multi-byte checks.
    private static func isCleanBytes(_ utf8: some Sequence<UInt8>, markup: Bool) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: break
            case 0x00..<0x20, 0x7F: return false
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): if markup { return false }
            case 0x80...0x9F where previous == 0xC2: return false
            case 0xBE, 0xBF: if previous == 0xBF && beforePrevious == 0xEF { return false }
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }
}
