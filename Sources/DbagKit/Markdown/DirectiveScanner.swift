/// Finds directives in a page's Markdown source (not in cmark's output, so
/// smart punctuation never touches attributes) and replaces each with a
/// placeholder token that cmark passes through untouched.
struct DirectiveScanner {
    /// The scanned page: Markdown with placeholders, directives, errors.
    struct Result {
        var markdown: String
        var directives: [Directive]
        var placeholders: DirectivePlaceholders
        var diagnostics: [Diagnostic]
    }

    let text: SourceText
    let locator: SourceLocator
    var literal: [Bool]
    var out: [UInt8] = []
    var directives: [Directive] = []
    var placeholders: DirectivePlaceholders
    var diagnostics: [Diagnostic] = []
    /// Open containers, innermost last, as indices into `directives`
    /// (nil for one whose opening line had a syntax error).
    var open: [Int?] = []

    /// Scans `text`, the body of `file` whose first line is line `lineOffset + 1`.
    /// `literalLines` are 1-based body lines of code and HTML blocks.
    static func scan(_ text: SourceText, file: String, lineOffset: Int, literalLines: [ClosedRange<Int>]) -> Result {
        var scanner = DirectiveScanner(text: text, file: file, lineOffset: lineOffset, literalLines: literalLines)
        scanner.run()
        return Result(markdown: String(decoding: scanner.out, as: UTF8.self), directives: scanner.directives,
                      placeholders: scanner.placeholders, diagnostics: scanner.diagnostics)
    }

    private init(text: SourceText, file: String, lineOffset: Int, literalLines: [ClosedRange<Int>]) {
        self.text = text
        locator = SourceLocator(text: text, file: file, lineOffset: lineOffset)
        literal = [Bool](repeating: false, count: text.lineCount)
        for range in literalLines {
            for line in range where line >= 1 && line <= text.lineCount { literal[line - 1] = true }
        }
        placeholders = DirectivePlaceholders(avoiding: text.bytes)
        out.reserveCapacity(text.bytes.count + 64)
    }

    /// The file location of a byte offset.
    func locate(_ offset: Int) -> SourceLocation {
        locator.location(of: offset)
    }

    private mutating func run() {
        var line = 0
        while line < text.lineCount {
            if literal[line] {
                copyLine(line)
                line += 1
            } else if scanDirectiveLine(line) {
                line += 1
            } else {
                var last = line
                while last + 1 < text.lineCount, !literal[last + 1], directiveLineStart(last + 1) == nil { last += 1 }
                let start = text.lineStarts[line]
                let end = last + 1 < text.lineCount ? text.lineStarts[last + 1] : text.bytes.count
                scanInline(start..<end)
                line = last + 1
            }
        }
        for case let index? in open {
            let directive = directives[index]
            diagnostics.append(Diagnostic("container ':::\(directive.name)' is never closed: add a line ':::' after its content", at: directive.location))
        }
    }

    private mutating func copyLine(_ line: Int) {
        let end = line + 1 < text.lineCount ? text.lineStarts[line + 1] : text.bytes.count
        out.append(contentsOf: text.bytes[text.lineStarts[line]..<end])
    }

    /// The offset of the first colon when a line looks like a block or container
    /// directive line (up to 3 spaces, then `::x`, `:::x` or `:::` alone).
    private func directiveLineStart(_ line: Int) -> Int? {
        let range = text.lineRange(line)
        let bytes = text.bytes
        var i = range.lowerBound
        while i < range.upperBound, i - range.lowerBound < 3, bytes[i] == MarkdownByte.space { i += 1 }
        let colon = i
        var colons = 0
        while i < range.upperBound, bytes[i] == MarkdownByte.colon { colons += 1; i += 1 }
        let next = i < range.upperBound ? bytes[i] : MarkdownByte.newline
        switch colons {
        case 2: return MarkdownByte.isLetter(next) ? colon : nil
        case 3:
            if MarkdownByte.isLetter(next) { return colon }
            while i < range.upperBound, MarkdownByte.isBlank(bytes[i]) { i += 1 }
            return i == range.upperBound ? colon : nil
        default: return nil
        }
    }

    /// Handles a block directive, container opening or closing line; false when the line is text.
    private mutating func scanDirectiveLine(_ line: Int) -> Bool {
        guard let colon = directiveLineStart(line) else { return false }
        let range = text.lineRange(line)
        let bytes = text.bytes
        let indent = bytes[range.lowerBound..<colon]
        var i = colon
        while i < range.upperBound, bytes[i] == MarkdownByte.colon { i += 1 }
        let form: Directive.Form = i - colon == 2 ? .block : .container
        if form == .container, i == range.upperBound || MarkdownByte.isBlank(bytes[i]) {
            guard let popped = open.popLast() else {
                diagnostics.append(Diagnostic("':::' closes no container: there is no open ':::name' before it", at: locate(colon)))
                copyLine(line)
                return true
            }
            guard let index = popped else {
                copyLine(line)
                return true
            }
            directives[index].closeLocation = locate(colon)
            emitBlock(indent: indent, token: placeholders.add(directive: index, part: .close))
            return true
        }
        let location = locate(colon)  // before the attributes: the locator is fastest in order
        let nameStart = i
        while i < range.upperBound, MarkdownByte.isNameByte(bytes[i]) { i += 1 }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        var attributes: [DirectiveAttribute] = []
        var ok = true
        if i < range.upperBound, bytes[i] == MarkdownByte.openBrace {
            let parser = DirectiveAttributeParser(bytes: bytes, locate: locator.location(of:))
            let result = parser.parse(from: i, lineEnd: range.upperBound, diagnostics: &diagnostics)
            attributes = result.attributes
            ok = result.ok
            i = result.end
        }
        if ok {
            while i < range.upperBound, MarkdownByte.isBlank(bytes[i]) { i += 1 }
            if i < range.upperBound {
                let colons = form == .block ? "::" : ":::"
                diagnostics.append(Diagnostic("unexpected text after '\(colons)\(name){…}': a directive must be alone on its line", at: locate(i)))
                ok = false
            }
        }
        guard ok else {
            // A broken container still pairs with its ':::', so one mistake gives one error.
            if form == .container { open.append(nil) }
            copyLine(line)
            return true
        }
        directives.append(Directive(name: name, form: form, attributes: attributes, location: location))
        let index = directives.count - 1
        if form == .container { open.append(index) }
        emitBlock(indent: indent, token: placeholders.add(directive: index, part: form == .container ? .open : .whole))
        return true
    }

    /// Writes a placeholder as a paragraph of its own, keeping the line's indent.
    private mutating func emitBlock(indent: ArraySlice<UInt8>, token: [UInt8]) {
        out.append(MarkdownByte.newline)
        out.append(contentsOf: indent)
        out.append(contentsOf: token)
        out.append(MarkdownByte.newline)
        out.append(MarkdownByte.newline)
    }
}
