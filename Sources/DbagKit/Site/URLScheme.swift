/// The scheme of a URL as a browser reads an attribute value: character
/// references decoded, tabs and newlines dropped, leading spaces and control
/// characters skipped, case ignored.
enum URLScheme {
    /// The schemes that run script or carry a whole document.
    static let scriptable: Set<String> = ["javascript", "vbscript", "data"]

    /// Whether the value is a `javascript:`, `vbscript:` or `data:` URL.
    static func isScriptable(_ value: ArraySlice<UInt8>) -> Bool {
        scheme(of: value).map(scriptable.contains) ?? false
    }

    /// The lower-cased scheme of a URL attribute value, nil when it has none.
    static func scheme(of value: ArraySlice<UInt8>) -> String? {
        var scheme: [UInt8] = []
        var index = value.startIndex
        while index < value.endIndex, scheme.count <= 16 {
            var byte = value[index]
            var length = 1
            if byte == UInt8(ascii: "&"), let (decoded, used) = reference(at: index, in: value) {
                byte = decoded
                length = used
            }
            index += length
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if scheme.isEmpty, byte <= 0x20 { continue }
            if byte == UInt8(ascii: ":") { return String(decoding: scheme, as: UTF8.self) }
            let isSchemeByte = TemplateTokens.isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isSchemeByte else { return nil }
            scheme.append(TemplateTokens.lower(byte))
        }
        return nil
    }

    /// An ASCII character reference at `index` (`&#58;`, `&#x3A;`, `&colon;`, `&Tab;`, `&NewLine;`):
    /// the byte it stands for and how many bytes it takes.
    static func reference(at index: Int, in value: ArraySlice<UInt8>) -> (UInt8, Int)? {
        var end = index + 1
        while end < value.endIndex, end - index < 12, value[end] != UInt8(ascii: ";"),
              TemplateTokens.isLetter(value[end]) || (value[end] >= UInt8(ascii: "0") && value[end] <= UInt8(ascii: "9")) || value[end] == UInt8(ascii: "#") {
            end += 1
        }
        let body = String(decoding: value[(index + 1)..<end], as: UTF8.self).lowercased()
        let used = end - index + (end < value.endIndex && value[end] == UInt8(ascii: ";") ? 1 : 0)
        let named: [String: UInt8] = ["colon": UInt8(ascii: ":"), "tab": 0x09, "newline": 0x0A]
        if let byte = named[body] { return (byte, used) }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let number = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let number, number < 0x80 else { return nil }
        return (UInt8(number), used)
    }
}
