/// The `{param}` and `{param.label}` tokens of a template page and what each
/// becomes in a given context of its HTML (see ``TemplateHTML``).
struct TemplateTokens {
    /// How a key or label is written where the token stands.
    enum Context {
        /// Element content or a quoted attribute value: HTML-escaped.
        case text
        /// A URL: percent-encoded as a component.
        case url
        /// Script, style, markup or an unquoted value: percent-encoded, so it stays inert.
        case code
    }

    let key: [UInt8]
    let label: [UInt8]
    let keyToken: [UInt8]
    let labelToken: [UInt8]
    /// The same tokens with their braces as cmark writes them in a link target.
    let encodedKeyToken: [UInt8]
    let encodedLabelToken: [UInt8]

    init(parameter: String, key: String, label: String) {
        self.key = Array(key.utf8)
        self.label = Array(label.utf8)
        keyToken = Array("{\(parameter)}".utf8)
        labelToken = Array("{\(parameter).label}".utf8)
        encodedKeyToken = Array("%7B\(parameter)%7D".utf8)
        encodedLabelToken = Array("%7B\(parameter).label%7D".utf8)
    }

    /// False when no token can be in `bytes` (most pages): nothing to do.
    func mayOccur(in bytes: [UInt8]) -> Bool {
        let open = Array(keyToken.dropLast()), encodedOpen = Array(encodedKeyToken.dropLast(3))
        var lowerOpen = encodedOpen
        lowerOpen[2] = UInt8(ascii: "b")
        return MarkdownByte.occurs(open, in: bytes) || MarkdownByte.occurs(encodedOpen, in: bytes) || MarkdownByte.occurs(lowerOpen, in: bytes)
    }

    /// Writes the value of the token at `index`, if one starts there, and moves past it.
    /// `%7B…%7D` tokens count only where `encodedBraces` (attribute values).
    func replace(at index: inout Int, in bytes: [UInt8], into out: inout [UInt8], context: Context, encodedBraces: Bool = false) -> Bool {
        let byte = bytes[index]
        var candidates: [([UInt8], [UInt8])] = []
        if byte == UInt8(ascii: "{") {
            candidates = [(labelToken, label), (keyToken, key)]
        } else if byte == UInt8(ascii: "%"), encodedBraces {
            candidates = [(encodedLabelToken, label), (encodedKeyToken, key)]
        }
        for (token, value) in candidates where Self.matches(token, at: index, in: bytes, encoded: byte == UInt8(ascii: "%")) {
            out.append(contentsOf: Self.write(value, for: context))
            index += token.count
            return true
        }
        return false
    }

    /// `value` written for `context`.
    static func write(_ value: [UInt8], for context: Context) -> [UInt8] {
        switch context {
        case .text: Array(HTML.escape(String(decoding: value, as: UTF8.self)).utf8)
        case .url, .code: percentEncoded(value)
        }
    }

    /// Every byte but ASCII letters, digits and `-._~` as `%XX`.
    static func percentEncoded(_ value: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        for byte in value {
            if isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return out
    }

    /// Whether `token` is at `index`; in an `encoded` one, the hex letters of `%7B`/`%7D` in either case.
    static func matches(_ token: [UInt8], at index: Int, in bytes: [UInt8], encoded: Bool) -> Bool {
        guard index + token.count <= bytes.count else { return false }
        for offset in 0..<token.count {
            let expected = token[offset], actual = bytes[index + offset]
            if expected == actual { continue }
            if encoded, offset == 2 || offset == token.count - 1, lower(actual) == lower(expected) { continue }
            return false
        }
        return true
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
