/// Reads the `{name=value name="quoted value" name='x'}` part of a directive
/// from bytes, reporting bad syntax at its exact position.
struct DirectiveAttributeParser {
    /// What parsing one brace group produced.
    struct Result {
        var attributes: [DirectiveAttribute]
        /// Offset just past the closing `}` (or where scanning stopped after an error).
        var end: Int
        /// False when the group had a syntax error (already reported).
        var ok: Bool
    }

    let bytes: [UInt8]
    /// Turns a byte offset into a file location.
    let locate: (Int) -> SourceLocation

    /// Parses from the `{` at `open` up to the end of its line.
    func parse(from open: Int, lineEnd: Int, diagnostics: inout [Diagnostic]) -> Result {
        var attributes: [DirectiveAttribute] = []
        var names = Set<String>()
        var ok = true
        var i = open + 1
        func fail(_ message: String, at offset: Int) -> Result {
            diagnostics.append(Diagnostic(message, at: locate(offset)))
            let close = bytes[min(offset, lineEnd)..<lineEnd].firstIndex(of: MarkdownByte.closeBrace)
            return Result(attributes: attributes, end: close.map { $0 + 1 } ?? lineEnd, ok: false)
        }
        while true {
            while i < lineEnd, MarkdownByte.isBlank(bytes[i]) { i += 1 }
            guard i < lineEnd else {
                return fail("'{' is never closed: add '}' after the attributes", at: open)
            }
            if bytes[i] == MarkdownByte.closeBrace { return Result(attributes: attributes, end: i + 1, ok: ok) }
            guard MarkdownByte.isNameStart(bytes[i]) else {
                return fail("unexpected '\(MarkdownByte.character(at: i, in: bytes))' in attributes: expected a name such as metric=…", at: i)
            }
            let nameStart = i
            while i < lineEnd, MarkdownByte.isNameByte(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            guard i < lineEnd, bytes[i] == MarkdownByte.equals else {
                if !bytes[nameStart..<lineEnd].contains(MarkdownByte.closeBrace) {
                    return fail("'{' is never closed: add '}' after the attributes", at: open)
                }
                return fail("attribute '\(name)' needs a value: write \(name)=…", at: nameStart)
            }
            i += 1
            var value: [UInt8] = []
            if i < lineEnd, bytes[i] == MarkdownByte.doubleQuote || bytes[i] == MarkdownByte.singleQuote {
                let quote = bytes[i]
                let quoteStart = i
                i += 1
                var closed = false
                while i < lineEnd {
                    let byte = bytes[i]
                    if byte == quote { closed = true; i += 1; break }
                    if byte == MarkdownByte.backslash, i + 1 < lineEnd,
                       bytes[i + 1] == quote || bytes[i + 1] == MarkdownByte.backslash {
                        value.append(bytes[i + 1])
                        i += 2
                        continue
                    }
                    value.append(byte)
                    i += 1
                }
                guard closed else {
                    return fail("unterminated quoted value of '\(name)': missing closing \(quote == MarkdownByte.doubleQuote ? "\"" : "'")", at: quoteStart)
                }
                if i < lineEnd, !MarkdownByte.isBlank(bytes[i]), bytes[i] != MarkdownByte.closeBrace {
                    return fail("expected a space or '}' after the value of '\(name)'", at: i)
                }
            } else {
                var depth = 0
                while i < lineEnd {
                    let byte = bytes[i]
                    if MarkdownByte.isBlank(byte) { break }
                    if byte == MarkdownByte.closeBrace {
                        if depth == 0 { break }
                        depth -= 1
                    } else if byte == MarkdownByte.openBrace {
                        depth += 1
                    } else if byte == MarkdownByte.doubleQuote || byte == MarkdownByte.singleQuote {
                        return fail("unexpected quote in the value of '\(name)': quote the whole value, as \(name)=\"…\"", at: i)
                    }
                    value.append(byte)
                    i += 1
                }
                if value.isEmpty {
                    return fail("attribute '\(name)' has '=' but no value", at: nameStart)
                }
            }
            if !names.insert(name).inserted {
                diagnostics.append(Diagnostic("duplicate attribute '\(name)'", at: locate(nameStart)))
                ok = false
                continue
            }
            attributes.append(DirectiveAttribute(name: name, value: String(decoding: value, as: UTF8.self), location: locate(nameStart)))
        }
    }
}
