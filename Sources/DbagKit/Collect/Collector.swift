import Foundation
import Yams

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

/// A metric kind that snapshots today's value. A new kind is one type conforming
/// to this protocol, listed once in `CollectorRegistry.kinds`.
public protocol Collector: Sendable {
    /// The name shown by `dbag metrics`, and the key in `collect:` that selects this kind.
    static var kind: String { get }
    /// Every key this kind accepts inside `collect:`.
    static var keys: [String] { get }
    /// Builds the collector from its `collect:` mapping, reporting mistakes to `reader`.
    static func parse(_ values: [String: Node], reader: YAMLReader, node: Node, config: Config) -> Self?
    /// Collects today's value(s).
    func collect(_ context: CollectContext) async throws -> [CollectedValue]
    /// Names of sources the collector reads, for validation.
    var sourceNames: [String] { get }
}

extension Collector {
    public var sourceNames: [String] { [] }
}

/// The one place metric kinds are registered.
public enum CollectorRegistry {
    public static let kinds: [any Collector.Type] = [SQLCollector.self, CommandCollector.self, HTTPCollector.self]
}
