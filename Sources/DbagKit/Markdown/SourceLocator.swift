/// Turns byte offsets of a page body into file locations (1-based line, and
/// column in characters). It remembers the last answer, so offsets met in
/// order along a line cost only the bytes between them: scanning stays linear.
final class SourceLocator {
    private let text: SourceText
    private let file: String
    private let lineOffset: Int
    private var lastLine = -1
    private var lastOffset = 0
    private var lastColumn = 1

    /// `lineOffset` lines of the file come before the body's first line.
    init(text: SourceText, file: String, lineOffset: Int) {
        self.text = text
        self.file = file
        self.lineOffset = lineOffset
    }

    /// The location of the character starting at a byte offset.
    func location(of offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), text.bytes.count)
        let line = lineIndex(of: offset)
        var from = text.lineStarts[line]
        var column = 1
        if line == lastLine, offset >= lastOffset {
            from = lastOffset
            column = lastColumn
        }
        column += characterCount(from..<offset)
        lastLine = line
        lastOffset = offset
        lastColumn = column
        return SourceLocation(file: file, line: line + 1 + lineOffset, column: column)
    }

    /// The 0-based line holding a byte offset.
    private func lineIndex(of offset: Int) -> Int {
        if lastLine >= 0, offset >= text.lineStarts[lastLine],
           lastLine + 1 == text.lineStarts.count || offset < text.lineStarts[lastLine + 1] {
            return lastLine
        }
        var low = 0, high = text.lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if text.lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func characterCount(_ range: Range<Int>) -> Int {
        let bytes = text.bytes
        for i in range where bytes[i] >= 0x80 {
            return String(decoding: bytes[range], as: UTF8.self).count
        }
        return range.count
    }
}
