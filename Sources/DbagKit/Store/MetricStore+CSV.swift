import Foundation

/// The CSV form of the store shared by `dbag export` and `dbag import`.
public enum StoreCSV {
    /// The header line, exactly.
    public static let header = "metric,key,day,value"

    /// Shortest text that reads back as the same double: `12`, `0.25`, `1e-07`.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            if value == 0 { return value.sign == .minus ? "-0" : "0" }
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Appends `number(value)` to `out`; a whole number digit by digit, without a String.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        guard value == value.rounded(), abs(value) < 1e15, value != 0 else {
            out.append(contentsOf: number(value).utf8)
            return
        }
        var n = Int64(value)
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            n = -n
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            out.append(contentsOf: digits[start...])
        }
    }

    /// Appends a field, quoted per RFC 4180 when it holds `,`, `"`, CR or LF.
    static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let needsQuotes = bytes.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(34)
        for byte in bytes {
            if byte == 34 { out.append(34) }
            out.append(byte)
        }
        out.append(34)
    }
}

extension MetricStore {
    /// Writes every value as CSV (`metric,key,day,value`, sorted by metric, key, day),
    /// handing `write` chunks of about 64 KB.
    public func exportCSV(_ write: (Data) throws -> Void) throws {
        let statement = try database.prepare("SELECT metric, key, day, value FROM metric_values ORDER BY metric, key, day")
        var out: [UInt8] = []
        out.reserveCapacity(70_000)
        out.append(contentsOf: Array((StoreCSV.header + "\n").utf8))
        while try statement.step() {
            let row = StoreRow(statement, store: database.path)
            guard statement.withText(2, CSVImporter.isDay) else { throw row.bad(2, "a day (YYYY-MM-DD)") }
            for column in 0..<3 {
                statement.withText(column) { StoreCSV.appendField($0, to: &out) }
                out.append(44)
            }
            out.append(contentsOf: StoreCSV.number(try row.value(3)).utf8)
            out.append(10)
            if out.count >= 65_536 {
                try write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        try write(Data(out))
    }

}

extension StoreCSV {
    /// A field as text, quoted per RFC 4180 when it holds `,`, `"`, CR or LF.
    public static func field(_ text: String) -> String {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { appendField($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the rows of one metric's values for one key, in the given order.
    public static func rows(metric: String, key: String, points: [DayValue], into out: inout [UInt8]) {
        let prefix = Array((field(metric) + "," + field(key) + ",").utf8)
        for point in points {
            out.append(contentsOf: prefix)
            point.day.appendText(to: &out)
            out.append(44)
            appendNumber(point.value, to: &out)
            out.append(10)
        }
    }
}
