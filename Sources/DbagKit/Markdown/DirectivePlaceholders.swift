/// The letters-and-digits tokens that stand for directives while cmark renders
/// a page, and their substitution by each directive's HTML afterwards.
struct DirectivePlaceholders: Sendable {
    /// Which directive a token stands for, and which part of it.
    enum Part: Sendable {
        /// A block or inline directive.
        case whole
        /// A container's opening line.
        case open
        /// A container's closing `:::` line.
        case close
    }

    /// A prefix that does not occur in the page, so tokens cannot collide with its text.
    let prefix: [UInt8]
    private(set) var slots: [(directive: Int, part: Part)] = []

    init(avoiding source: [UInt8]) {
        var prefix = Array("DBAGDIRECTIVE".utf8)
        while MarkdownByte.occurs(prefix, in: source) { prefix.append(UInt8(ascii: "Q")) }
        self.prefix = prefix
    }

    /// Adds a slot and returns its token, such as `DBAGDIRECTIVE7Z`.
    mutating func add(directive: Int, part: Part) -> [UInt8] {
        slots.append((directive, part))
        return prefix + Array(String(slots.count - 1).utf8) + [UInt8(ascii: "Z")]
    }

    /// Replaces every token in rendered HTML. A token that is a paragraph of its
    /// own (`<p>TOKEN</p>`) of a block or container is replaced with its `<p>` tags.
    /// The result is joined from whole Strings (the page's text between tokens, each
    /// directive's HTML), so its tens of kilobytes need no second UTF-8 check.
    func substitute(in html: String, directives: [Directive], resolve: (Directive) -> DirectiveHTML) -> String {
        guard !slots.isEmpty else { return html }
        let bytes = Array(html.utf8)
        let paragraphOpen = Array("<p>".utf8), paragraphClose = Array("</p>".utf8)
        var resolved = [DirectiveHTML?](repeating: nil, count: directives.count)
        var out = ""
        out.reserveCapacity(bytes.count + 1024)
        // Bytes of `html` already in `out`; every cut falls on an ASCII byte, so on a scalar boundary.
        var copied = 0
        func text(_ from: Int, _ to: Int) -> Substring {
            html[html.utf8.index(html.utf8.startIndex, offsetBy: from)..<html.utf8.index(html.utf8.startIndex, offsetBy: to)]
        }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == prefix[0], bytes[i...].starts(with: prefix) else {
                i += 1
                continue
            }
            var j = i + prefix.count
            var number = 0
            while j < bytes.count, MarkdownByte.isDigit(bytes[j]), number < slots.count {
                number = number * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                j += 1
            }
            guard j > i + prefix.count, j < bytes.count, bytes[j] == UInt8(ascii: "Z"), number < slots.count else {
                i += 1
                continue
            }
            j += 1
            let slot = slots[number]
            let directive = directives[slot.directive]
            let drawn = resolved[slot.directive] ?? resolve(directive)
            resolved[slot.directive] = drawn
            out += text(copied, i)
            if directive.form != .inline, out.utf8.suffix(3).elementsEqual(paragraphOpen), bytes[j...].starts(with: paragraphClose) {
                out.removeSubrange(out.utf8.index(out.utf8.endIndex, offsetBy: -3)...)
                j += paragraphClose.count
            }
            out += slot.part == .close ? drawn.closingHTML : drawn.html
            i = j
            copied = j
        }
        out += text(copied, bytes.count)
        return out
    }
}
