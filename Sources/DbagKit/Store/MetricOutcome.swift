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

/// What collecting one metric gave: values, or why it failed.
public struct MetricOutcome: Sendable {
    public var slug: String
    public var values: [CollectedValue]
    /// Why collecting failed, at its place in dbag.yml when the fault is there; nil when the collector succeeded.
    public var failure: Diagnostic?
    public var started: Date
    public var finished: Date

    public init(slug: String, values: [CollectedValue] = [], failure: Diagnostic? = nil, started: Date, finished: Date) {
        self.slug = slug
        self.values = values
        self.failure = failure
        self.started = started
        self.finished = finished
    }

    /// The failure's message, as the run log keeps it; nil when the collector succeeded.
    public var error: String? { failure?.message }
}
