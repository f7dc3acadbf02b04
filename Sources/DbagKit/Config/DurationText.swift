import Foundation

/// Durations written as a number and a unit: `500ms`, `30s`, `5m`, `2h`, `2d`, `1w`.
public enum DurationText {
    /// The longest duration dbag.yml may write: ten years, like the longest chart period.
    public static let longestDays = 3660

    /// Seconds, or nil when the text is not a positive duration.
    public static func seconds(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            let number = t.dropLast(suffix.count)
            guard let n = Double(number), n.isFinite, n > 0, !number.contains("e") else { return nil }
            return n * factor
        }
        return nil
    }

    /// Seconds written back the way dbag.yml spells them: `30s`, `1.5s`, `500ms`, `2m`.
    public static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "\(seconds)s" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        if seconds == seconds.rounded() { return "\(Int(seconds))s" }
        return "\(seconds)s"
    }

    /// A duration as a person says it: `2 days`, `36 hours`, `1 week`, `90 seconds`.
    public static func human(_ seconds: Double) -> String {
        let units: [(Double, String)] = [(604_800, "week"), (86_400, "day"), (3600, "hour"), (60, "minute")]
        for (size, name) in units where seconds >= size && seconds.truncatingRemainder(dividingBy: size) == 0 {
            let count = Int(seconds / size)
            return "\(count) \(name)\(count == 1 ? "" : "s")"
        }
        let whole = Int(seconds.rounded())
        return "\(whole) second\(whole == 1 ? "" : "s")"
    }
}
