/// Numbers as written in CSV and JSON: shortest text that reads back the same
/// (`12`, `0.25`, `1e-07`).
public enum NumberText {
    /// The shortest round-trip text of a finite value.
    public static func string(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
