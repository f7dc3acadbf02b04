import Foundation

/// Checks a value pushed with `dbag record` before it is saved.
public enum Recording {
    /// The value to store, or an error naming what is wrong (with the nearest slug for a typo).
    /// A day after `today` (today in the project's timezone) is refused: no value is known yet.
    public static func value(slug: String, text: String, key: String?, day: Day, config: Config,
                             today: Day? = nil) throws(Diagnostic) -> StoredValue {
        let today = today ?? Day.today(in: config.timeZone)
        if day > today {
            let zone = config.timeZone.identifier == "GMT" ? "UTC" : config.timeZone.identifier
            throw Diagnostic("\(day) is after today (\(today) in \(zone), the timezone of dbag.yml): a value can be recorded for today or a day before")
        }
        guard let metric = config.metric(slug) else {
            throw Diagnostic("unknown metric '\(slug)'" + Suggestion.hint(for: slug, in: config.metrics.map(\.slug)))
        }
        if metric.series != nil {
            throw Diagnostic("'\(slug)' is a series metric, computed by `dbag build`: it stores no values", at: metric.location)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else {
            throw Diagnostic("'\(text)' is not a finite number")
        }
        if let key, let problem = StoredText.problem(key, what: "key") { throw Diagnostic(problem) }
        switch (metric.per, key) {
        case (let per?, nil):
            throw Diagnostic("'\(slug)' has one value per \(per): give the object with --key")
        case (nil, let key?) where !key.isEmpty:
            throw Diagnostic("'\(slug)' is a plain metric: it takes no --key (add `per:` to it in dbag.yml for per-object values)")
        case (_, let key?) where metric.per != nil && key.isEmpty:
            throw Diagnostic("--key must not be empty")
        default:
            return StoredValue(metric: slug, key: key ?? "", day: day, value: value)
        }
    }
}
