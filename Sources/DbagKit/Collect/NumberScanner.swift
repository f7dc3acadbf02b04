import Foundation

/// Finds numbers in a command's or a web page's text.
///
/// The first number is an optional sign (`-` or `+` not glued to a word), digits
/// with optional thousands separators (`1,234,567`: commas followed by exactly
/// three digits), an optional fraction (`.5`) and exponent (`1e3`). So
/// `  1,234 open` is 1234, `-12.5°` is -12.5, `v2` is 2 and `3,14` is 3.
///
/// One pass, linear in the text. The first number decides: when it is not a finite
/// `Double` (`1e400`, 20,000 digits, `1e-400`, which would read as 0), that is an error,
/// never another number found further on.
public enum NumberScanner {
    /// Longer numbers are out of range: a `Double` holds 17 significant digits and
    /// exponents to 308, and reading a long one costs more than it is worth.
    static let longestNumber = 400

    /// The first number in `text`, nil when there is none; throws when it is out of range.
    public static func firstNumber(in text: some StringProtocol) throws(CollectError) -> Double? {
        let u = Array(text.utf8)
        var i = 0
        while i < u.count {
            if isDigit(u[i]) || (u[i] == 46 && i + 1 < u.count && isDigit(u[i + 1])) {
                return try value(token(u, at: i).bytes)
            }
            i += 1
        }
        return nil
    }

    /// A number that must fill the whole text (after trimming spaces), e.g. a JSON string
    /// or a per-object line's value; nil when the text is something else, throws when out of range.
    public static func wholeNumber(_ text: some StringProtocol) throws(CollectError) -> Double? {
        let u = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var start = 0
        if let first = u.first, first == 45 || first == 43 { start = 1 }
        guard start < u.count, isDigit(u[start]) || (u[start] == 46 && start + 1 < u.count && isDigit(u[start + 1])) else { return nil }
        let found = token(u, at: start)
        guard found.end == u.count else { return nil }
        return try value(found.bytes)
    }

    /// The number's text (sign, digits without separators, fraction, exponent) and where it ends.
    static func token(_ u: [UInt8], at start: Int) -> (bytes: [UInt8], end: Int) {
        var text: [UInt8] = []
        if start > 0, u[start - 1] == 45 || u[start - 1] == 43, start == 1 || !isWordByte(u[start - 2]) {
            text.append(u[start - 1])
        }
        var i = start, leading = 0
        while i < u.count, isDigit(u[i]) { text.append(u[i]); i += 1; leading += 1 }
        if leading > 0, leading <= 3 {
            while i + 3 < u.count, u[i] == 44, isDigit(u[i + 1]), isDigit(u[i + 2]), isDigit(u[i + 3]),
                  i + 4 >= u.count || !isDigit(u[i + 4]) {
                text.append(contentsOf: u[(i + 1)...(i + 3)])
                i += 4
            }
        }
        if i + 1 < u.count, u[i] == 46, isDigit(u[i + 1]) {
            text.append(46); i += 1
            while i < u.count, isDigit(u[i]) { text.append(u[i]); i += 1 }
        }
        if i + 1 < u.count, u[i] == 101 || u[i] == 69 {
            var j = i + 1
            var exponent: [UInt8] = [101]
            if j < u.count, u[j] == 45 || u[j] == 43 { exponent.append(u[j]); j += 1 }
            if j < u.count, isDigit(u[j]) {
                while j < u.count, isDigit(u[j]) { exponent.append(u[j]); j += 1 }
                text.append(contentsOf: exponent)
                i = j
            }
        }
        return (text, i)
    }

    /// The `Double` a token spells, or an error naming it when it is out of range.
    static func value(_ token: [UInt8]) throws(CollectError) -> Double {
        let text = String(decoding: token, as: UTF8.self)
        let shown = token.count <= 40 ? text : "\(text.prefix(20))… (\(token.count) characters)"
        guard token.count <= longestNumber, let value = Double(text), value.isFinite else {
            throw CollectError("the number \(shown) is out of range")
        }
        let mantissa = token.prefix { $0 != 101 }
        if value == 0, mantissa.contains(where: { $0 >= 49 && $0 <= 57 }) {
            throw CollectError("the number \(shown) is too small to tell from 0")
        }
        return value
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    static func isWordByte(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }
}
