extension DurationText {
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
