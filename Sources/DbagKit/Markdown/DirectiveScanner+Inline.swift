extension DirectiveScanner {
    /// Scans running text (whole lines, no literal blocks) for `:name{…}`,
    /// skipping code spans and backslash escapes.
    mutating func scanInline(_ range: Range<Int>) {
        let bytes = text.bytes
        var copied = range.lowerBound
        var i = range.lowerBound
        var noCloser: [Int: Int] = [:]
        var lineEnd = -1
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == MarkdownByte.backslash {
                i += 2
            } else if byte == MarkdownByte.backtick {
                var runEnd = i
                while runEnd < range.upperBound, bytes[runEnd] == MarkdownByte.backtick { runEnd += 1 }
                i = codeSpanEnd(after: runEnd, length: runEnd - i, limit: range.upperBound, noCloser: &noCloser) ?? runEnd
            } else if byte == MarkdownByte.colon, canStartDirective(at: i) {
                i = scanInlineDirective(at: i, limit: range.upperBound, lineEnd: &lineEnd, copied: &copied)
            } else {
                i += 1
            }
        }
        out.append(contentsOf: bytes[copied..<range.upperBound])
    }

    /// A directive's colon follows neither a letter, a digit nor another colon
    /// (so `12:30`, `std::x` and `https://x` stay text).
    private func canStartDirective(at i: Int) -> Bool {
        guard i > 0 else { return true }
        let previous = text.bytes[i - 1]
        return !MarkdownByte.isAlphanumeric(previous) && previous != MarkdownByte.colon
    }

    /// Handles a colon at `i`; returns where scanning continues. `lineEnd`
    /// caches the end of the current line (valid while `i <= lineEnd`).
    private mutating func scanInlineDirective(at i: Int, limit: Int, lineEnd: inout Int, copied: inout Int) -> Int {
        let bytes = text.bytes
        var j = i + 1
        let block = j < limit && bytes[j] == MarkdownByte.colon
        if block { j += 1 }
        guard j < limit, MarkdownByte.isLower(bytes[j]) else { return i + 1 }
        let nameStart = j
        while j < limit, MarkdownByte.isLower(bytes[j]) || MarkdownByte.isDigit(bytes[j]) || bytes[j] == UInt8(ascii: "-") { j += 1 }
        guard j < limit, bytes[j] == MarkdownByte.openBrace else { return i + 1 }
        if lineEnd < i { lineEnd = bytes[j..<limit].firstIndex(of: MarkdownByte.newline) ?? limit }
        let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
        if block {
            diagnostics.append(Diagnostic("'::\(name){…}' must be alone on its own line (or write ':\(name){…}' for an inline directive)", at: locate(i)))
            return j
        }
        let location = locate(i)  // before the attributes: the locator is fastest in order
        let parser = DirectiveAttributeParser(bytes: bytes, locate: locator.location(of:))
        let result = parser.parse(from: j, lineEnd: lineEnd, diagnostics: &diagnostics)
        guard result.ok else { return result.end }
        directives.append(Directive(name: name, form: .inline, attributes: result.attributes, location: location))
        out.append(contentsOf: bytes[copied..<i])
        out.append(contentsOf: placeholders.add(directive: directives.count - 1, part: .whole))
        copied = result.end
        return result.end
    }

    /// The end of the backtick run of exactly `length` that closes a code span
    /// opened just before `start`, or nil (code spans end at a blank line).
    /// `noCloser[length]` remembers how far a failed search went, keeping this linear.
    private func codeSpanEnd(after start: Int, length: Int, limit: Int, noCloser: inout [Int: Int]) -> Int? {
        if let searched = noCloser[length], start < searched { return nil }
        let bytes = text.bytes
        var i = start
        var lineHasText = true
        while i < limit {
            let byte = bytes[i]
            if byte == MarkdownByte.newline {
                if !lineHasText { break }
                lineHasText = false
                i += 1
            } else if byte == MarkdownByte.backtick {
                let runStart = i
                while i < limit, bytes[i] == MarkdownByte.backtick { i += 1 }
                if i - runStart == length { return i }
                lineHasText = true
            } else {
                if !MarkdownByte.isBlank(byte) { lineHasText = true }
                i += 1
            }
        }
        noCloser[length] = i
        return nil
    }
}
