import Foundation

/// Finds numbers in a command's or a web page's text.
///
/// The first number is an optional sign (`-` or `+` not glued to a word), digits
/// with optional thousands separators (`1,234,567`: commas followed by exactly
/// three digits), an optional fraction (`.5`) and exponent (`1e3`). So
/// `  1,234 open` is 1234, `-12.5°` is -12.5, `v2` is 2 and `3,14` is 3.
public enum NumberScanner {
    /// The first number in `text`, or nil.
    public static func firstNumber(in text: some StringProtocol) -> Double? {
        let u = Array(text.utf8)
        var i = 0
        while i < u.count {
            let startsNumber = isDigit(u[i]) || (u[i] == 46 && i + 1 < u.count && isDigit(u[i + 1]))
            if startsNumber, let value = number(u, at: i) { return value }
            i += 1
        }
        return nil
    }

    /// A number that must fill the whole text (after trimming spaces); thousands separators allowed.
    public static func wholeNumber(_ text: some StringProtocol) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed), value.isFinite { return value }
        guard let value = Double(trimmed.replacingOccurrences(of: ",", with: "")), value.isFinite,
              let first = firstNumber(in: trimmed), first == value else { return nil }
        return value
    }

    static func number(_ u: [UInt8], at start: Int) -> Double? {
        var text: [UInt8] = []
        if start > 0, u[start - 1] == 45 || u[start - 1] == 43, start == 1 || !isWordByte(u[start - 2]) {
            text.append(u[start - 1])
        }
        var i = start, leading = 0
        while i < u.count, isDigit(u[i]) { text.append(u[i]); i += 1; leading += 1 }
        if leading > 0, leading <= 3 {
            while i + 3 < u.count + 0, u[i] == 44, isDigit(u[i + 1]), isDigit(u[i + 2]), isDigit(u[i + 3]),
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
            }
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    static func isWordByte(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }
}
