/// `{param}` and `{param.label}` in a template page's rendered HTML, each
/// written for where it stands, so that no key or label can change what the
/// page does:
///
/// - in text (and `<title>`, `<textarea>`, comments): HTML-escaped;
/// - in a quoted attribute value: HTML-escaped; in a URL attribute (`href`,
///   `src`, …, and every Markdown link or image target, where cmark writes
///   the braces as `%7B…%7D`): percent-encoded, as a URL component;
/// - where it would be code or markup (`<script>`/`<style>` content, `on…`,
///   `style` and `srcdoc` attributes, unquoted values, tag and attribute
///   names): percent-encoded, which leaves only letters, digits and `-._~%`;
/// - a URL attribute that would hold a `javascript:`, `data:` or `vbscript:`
///   URL with a key or label in it is refused: its value becomes
///   ``refusedURL``.
enum TemplateHTML {
    /// What a refused URL attribute holds: a URL that goes nowhere.
    static let refusedURL = "about:invalid#dbag-refused-url"

    /// `html` with every `{parameter}` and `{parameter.label}` replaced.
    static func substitute(_ html: String, parameter: String, key: String, label: String) -> String {
        let bytes = Array(html.utf8)
        let tokens = TemplateTokens(parameter: parameter, key: key, label: label)
        guard tokens.mayOccur(in: bytes) else { return html }
        var scanner = Scanner(bytes: bytes, tokens: tokens)
        scanner.run()
        return String(decoding: scanner.out, as: UTF8.self)
    }

    /// One pass over the HTML, tracking whether it is in text, a tag, an
    /// attribute value, a comment or a `<script>`/`<style>` element.
    struct Scanner {
        let bytes: [UInt8]
        let tokens: TemplateTokens
        var out: [UInt8] = []
        var index = 0

        init(bytes: [UInt8], tokens: TemplateTokens) {
            self.bytes = bytes
            self.tokens = tokens
            out.reserveCapacity(bytes.count + 256)
        }

        mutating func run() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    if starts(with: "<!--") {
                        copyText(until: "-->", context: .text)
                        continue
                    }
                    if index + 1 < bytes.count, TemplateTokens.isLetter(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "/")
                        || bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?") {
                        tag()
                        continue
                    }
                }
                if !tokens.replace(at: &index, in: bytes, into: &out, context: .text) {
                    out.append(byte)
                    index += 1
                }
            }
        }

        /// A tag from its `<` to its `>`; then the content of a raw-text element.
        mutating func tag() {
            out.append(bytes[index])
            index += 1
            let isEnd = bytes[index] == UInt8(ascii: "/")
            let nameStart = index
            while index < bytes.count, !TemplateTokens.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                if !tokens.replace(at: &index, in: bytes, into: &out, context: .code) {
                    out.append(bytes[index])
                    index += 1
                }
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") {
                    out.append(byte)
                    index += 1
                    break
                }
                if TemplateTokens.isSpace(byte) || byte == UInt8(ascii: "/") {
                    out.append(byte)
                    index += 1
                    continue
                }
                attribute()
            }
            guard !isEnd else { return }
            switch name {
            case "script", "style": copyText(until: "</" + name, context: .code)
            case "textarea", "title": copyText(until: "</" + name, context: .text)
            default: break
            }
        }

        /// One attribute: its name, and its value if it has one.
        mutating func attribute() {
            let nameStart = out.count
            while index < bytes.count, !TemplateTokens.isSpace(bytes[index]), ![UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "=")].contains(bytes[index]) {
                if !tokens.replace(at: &index, in: bytes, into: &out, context: .code) {
                    out.append(bytes[index])
                    index += 1
                }
            }
            let name = String(decoding: out[nameStart...], as: UTF8.self).lowercased()
            var probe = index
            while probe < bytes.count, TemplateTokens.isSpace(bytes[probe]) { probe += 1 }
            guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else { return }
            out.append(contentsOf: bytes[index...probe])
            index = probe + 1
            while index < bytes.count, TemplateTokens.isSpace(bytes[index]) {
                out.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { return }
            let quote = bytes[index]
            let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
            if quoted {
                out.append(quote)
                index += 1
            }
            let kind = AttributeKind(name: name)
            let context: TemplateTokens.Context = !quoted || kind == .code ? .code : kind == .url ? .url : .text
            let valueStart = out.count
            var substituted = false
            while index < bytes.count {
                let byte = bytes[index]
                if quoted ? byte == quote : (TemplateTokens.isSpace(byte) || byte == UInt8(ascii: ">")) { break }
                if tokens.replace(at: &index, in: bytes, into: &out, context: context, encodedBraces: true) {
                    substituted = true
                } else {
                    out.append(byte)
                    index += 1
                }
            }
            if substituted, kind == .url, URLScheme.isScriptable(out[valueStart...]) {
                out.replaceSubrange(valueStart..., with: refusedURL.utf8)
            }
            if quoted, index < bytes.count {
                out.append(bytes[index])
                index += 1
            }
        }

        /// Copies up to and including `end` (case-insensitive), substituting for `context`.
        mutating func copyText(until end: String, context: TemplateTokens.Context) {
            let stop = Array(end.utf8)
            while index < bytes.count {
                if starts(with: stop) {
                    if stop.first != UInt8(ascii: "<") {
                        out.append(contentsOf: bytes[index..<(index + stop.count)])
                        index += stop.count
                    }
                    return
                }
                if !tokens.replace(at: &index, in: bytes, into: &out, context: context) {
                    out.append(bytes[index])
                    index += 1
                }
            }
        }

        func starts(with text: String) -> Bool {
            starts(with: Array(text.utf8))
        }

        func starts(with prefix: [UInt8]) -> Bool {
            guard index + prefix.count <= bytes.count else { return false }
            for offset in 0..<prefix.count where TemplateTokens.lower(bytes[index + offset]) != TemplateTokens.lower(prefix[offset]) {
                return false
            }
            return true
        }
    }

    /// What an attribute's value is, for substitution.
    enum AttributeKind {
        case url, code, text

        init(name: String) {
            if Self.urlNames.contains(name) {
                self = .url
            } else if name.hasPrefix("on") || name == "style" || name == "srcdoc" {
                self = .code
            } else {
                self = .text
            }
        }

        static let urlNames: Set<String> = [
            "href", "src", "action", "formaction", "xlink:href", "poster", "cite", "background", "data", "codebase",
            "archive", "longdesc", "usemap", "srcset", "ping", "manifest", "profile", "icon", "lowsrc", "dynsrc", "classid",
        ]
    }
}
