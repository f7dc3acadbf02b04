/// English singulars for units, by a simple rule: `deploys` → `deploy`,
/// `entries` → `entry`, `boxes` → `box`. Units that do not end in a plural `s`
/// (`s`, `ms`, `kg`, `status`, `%`) are kept; dbag.yml may name the singular
/// itself (`unit: { one: person, other: people }`).
public enum Plural {
    /// The singular of a unit written in the plural.
    public static func singular(of unit: String) -> String {
        guard unit.count >= 3, unit.hasSuffix("s"), let last = unit.split(separator: " ").last,
              last.count >= 3, last.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return unit }
        let head = String(unit.dropLast(last.count))
        for ending in ["ss", "us", "is", "ous"] where last.hasSuffix(ending) { return unit }
        if last.hasSuffix("ies"), last.count > 4 { return head + String(last.dropLast(3)) + "y" }
        for ending in ["sses", "xes", "zes", "ches", "shes"] where last.hasSuffix(ending) { return head + String(last.dropLast(2)) }
        return head + String(last.dropLast())
    }
}
