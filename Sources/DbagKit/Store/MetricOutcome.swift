import Foundation

/// One value a collector produced: `key` is `""` for plain metrics.
public struct CollectedValue: Sendable, Hashable {
    public var key: String
    public var label: String?
    public var value: Double

    public init(key: String = "", label: String? = nil, value: Double) {
        self.key = key
        self.label = label
        self.value = value
    }
}

/// What collecting one metric gave: values, or an error message.
public struct MetricOutcome: Sendable {
    public var slug: String
    public var values: [CollectedValue]
    /// nil when the collector succeeded.
    public var error: String?
    /// Where in dbag.yml the failure is, when it is in the config.
    public var location: SourceLocation?
    public var started: Date
    public var finished: Date

    public init(slug: String, values: [CollectedValue] = [], error: String? = nil, location: SourceLocation? = nil,
                started: Date, finished: Date) {
        self.slug = slug
        self.values = values
        self.error = error
        self.location = location
        self.started = started
        self.finished = finished
    }
}
