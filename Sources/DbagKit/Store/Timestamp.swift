import Foundation

/// UTC timestamps as stored: `2026-11-25T14:01:49Z`.
public enum Timestamp {
    /// Formats a date as ISO 8601 UTC, whole seconds.
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.ordinal * 86_400
        return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// Parses exactly what `string` writes (`YYYY-MM-DDTHH:MM:SSZ`, a real day and
    /// time); nil for anything else, so a hand-edited value can never overflow.
    public static func date(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count == 20, u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
              u[19] == UInt8(ascii: "Z"), let day = Day(String(decoding: u[0..<10], as: UTF8.self)) else { return nil }
        func number(_ at: Int, max: Int) -> Int? {
            guard (48...57).contains(u[at]), (48...57).contains(u[at + 1]) else { return nil }
            let n = Int(u[at] - 48) * 10 + Int(u[at + 1] - 48)
            return n <= max ? n : nil
        }
        guard let hour = number(11, max: 23), let minute = number(14, max: 59), let second = number(17, max: 59) else { return nil }
        return Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private static func two(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
