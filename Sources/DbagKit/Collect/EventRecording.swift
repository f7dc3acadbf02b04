import Foundation

/// Checks an event given to `dbag event` before it is stored.
public enum EventRecording {
    /// The event to store, or an error naming what is wrong (with the nearest slug for a typo).
    public static func event(label: String, day: Day, metrics: [String], today: Day, config: Config) throws(Diagnostic) -> ChartEvent {
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Diagnostic("an event needs a label, such as \"Deploy v2.3\"") }
        guard day <= today else { throw Diagnostic("\(day) is after today (\(today)): an event marks something that happened") }
        let slugs = config.metrics.map(\.slug)
        for slug in metrics where !slugs.contains(slug) {
            throw Diagnostic("unknown metric '\(slug)'" + Suggestion.hint(for: slug, in: slugs))
        }
        var unique: [String] = []
        for slug in metrics where !unique.contains(slug) { unique.append(slug) }
        return ChartEvent(day: day, label: trimmed, metrics: unique)
    }
}
