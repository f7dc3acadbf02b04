import Foundation

/// What a collector may use while it runs.
public struct CollectContext: Sendable {
    public var config: Config
    public var metric: Metric
    public var day: Day
    /// Source connections shared by one run; nil opens a fresh one per query.
    public var sources: SourcePool?

    public init(config: Config, metric: Metric, day: Day, sources: SourcePool? = nil) {
        self.config = config
        self.metric = metric
        self.day = day
        self.sources = sources
    }
}

/// A metric kind that snapshots today's value. A new kind is a case of
/// `CollectSpec` (what dbag.yml says, read in `ConfigLoader+Collect.swift`) and
/// one type conforming to this protocol, paired with it in `CollectSpec.collector`.
public protocol Collector: Sendable {
    /// Collects today's value(s).
    func collect(_ context: CollectContext) async throws -> [CollectedValue]
}

extension CollectSpec {
    /// The collector that runs this description: the one place kinds meet their collectors.
    public var collector: any Collector {
        switch self {
        case .sql(let query): SQLCollector(query)
        case .command(let command, let timeout): CommandCollector(command: command, timeout: timeout)
        case .http(let url, let json, let timeout, let headers): HTTPCollector(url: url, path: json.map(JSONPath.init), timeout: timeout, headers: headers)
        }
    }
}

extension Metric {
    /// The collector of a metric with `collect:`, else nil.
    public var collector: (any Collector)? { collect?.collector }
}
