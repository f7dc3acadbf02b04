/// Markdown source as UTF-8 bytes with LF line endings, and where each line
/// starts, so scanners work on bytes and only count characters for locations.
struct SourceText: Sendable {
    /// The text with a leading BOM removed and CRLF / lone CR turned into LF.
    let bytes: [UInt8]
    /// Byte offset of the first byte of each line (line 1 is index 0).
    let lineStarts: [Int]

    init(_ text: String) {
        self.init(normalizedBytes: Self.normalize(text))
    }

    init(normalizedBytes bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") && i + 1 < bytes.count {
            starts.append(i + 1)
        }
        lineStarts = starts
    }

    /// The text as a String.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    var lineCount: Int { lineStarts.count }

    /// The bytes of a 0-based line, without its line feed.
    func lineRange(_ index: Int) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, end == bytes.count, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        return start..<max(start, end)
    }

    /// UTF-8 bytes with a leading BOM removed and every line ending made LF.
    static func normalize(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { all in
            let utf8 = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
            if !utf8.contains(UInt8(ascii: "\r")) { return Array(utf8) }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            var previousWasCR = false
            for byte in utf8 {
                if byte == UInt8(ascii: "\n"), previousWasCR {
                    previousWasCR = false
                    continue
                }
                previousWasCR = byte == UInt8(ascii: "\r")
                out.append(previousWasCR ? UInt8(ascii: "\n") : byte)
            }
            return out
        }
    }
}
