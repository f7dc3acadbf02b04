import Foundation

/// Writing CSV fields per RFC 4180.
public enum CSVText {
    /// A field, quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rows of `metric,key,day,value` for the given series.
    public static func rows(metric: String, series: [String: [DayValue]], into out: inout String) {
        for key in series.keys.sorted() {
            let prefix = field(metric) + "," + field(key) + ","
            for point in series[key] ?? [] {
                out += prefix + point.day.description + "," + NumberText.shortest(point.value) + "\n"
            }
        }
    }

    /// The header every dbag CSV starts with.
    public static let header = "metric,key,day,value\n"
}
