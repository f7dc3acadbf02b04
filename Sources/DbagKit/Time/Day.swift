import Foundation

/// A calendar day, stored as days since 1970-01-01; formatted `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// A day from its civil date; nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let day = text.withUTF8({ Day(utf8: $0) }) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes (a store column, without a String); nil for anything else.
    public init?(utf8 u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day a moment falls on in a time zone.
    public init(_ date: Date, in timeZone: TimeZone) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        ordinal = Int((Double(seconds) / 86_400).rounded(.down))
    }

    /// Today in a time zone.
    public static func today(in timeZone: TimeZone) -> Day {
        Day(Date(), in: timeZone)
    }

    /// (year, month, day) of this day.
    public var civil: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int {
        ((ordinal % 7) + 7 + 3) % 7
    }

    /// Midnight UTC of this day.
    public var date: Date {
        Date(timeIntervalSince1970: Double(ordinal) * 86_400)
    }

    public var description: String {
        let (y, m, d) = civil
        guard (0...9999).contains(y) else { return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) }
        // Charts and the data API write hundreds of thousands of days: bytes straight in.
        return String(unsafeUninitializedCapacity: 10) { Self.write(y, m, d, into: $0) }
    }

    /// Appends `description` to `out` without making a String (the data API writes a day per value).
    public func appendText(to out: inout [UInt8]) {
        let (y, m, d) = civil
        guard (0...9999).contains(y) else {
            out.append(contentsOf: description.utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { bytes in
            out.append(contentsOf: bytes[..<Self.write(y, m, d, into: bytes)])
        }
    }

    /// Writes `YYYY-MM-DD` (a year of 0…9999) into the first 10 bytes; returns 10.
    private static func write(_ y: Int, _ m: Int, _ d: Int, into bytes: UnsafeMutableBufferPointer<UInt8>) -> Int {
        func digit(_ n: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(n) }
        bytes[0] = digit(y / 1000)
        bytes[1] = digit(y / 100 % 10)
        bytes[2] = digit(y / 10 % 10)
        bytes[3] = digit(y % 10)
        bytes[4] = UInt8(ascii: "-")
        bytes[5] = digit(m / 10)
        bytes[6] = digit(m % 10)
        bytes[7] = UInt8(ascii: "-")
        bytes[8] = digit(d / 10)
        bytes[9] = digit(d % 10)
        return 10
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
