import Foundation

/// Writing CSV per RFC 4180, in dbag's one form: `metric,key,day,value`.
public enum CSVText {
    /// The header every dbag CSV starts with.
    public static let header = "metric,key,day,value\n"

    /// A field, quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Appends the rows of one metric's series, keys and days ascending.
    public static func rows(metric: String, series: [String: [DayValue]], into out: inout [UInt8]) {
        for key in series.keys.sorted() {
            let prefix = Array((field(metric) + "," + field(key) + ",").utf8)
            for point in series[key] ?? [] {
                out.append(contentsOf: prefix)
                out.append(contentsOf: point.day.description.utf8)
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: NumberText.shortest(point.value).utf8)
                out.append(UInt8(ascii: "\n"))
            }
        }
    }
}
