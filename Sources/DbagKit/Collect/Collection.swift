import Foundation

/// Every outcome of one `dbag collect`, in dbag.yml order.
public struct CollectionReport: Sendable {
    public var day: Day
    public var outcomes: [MetricOutcome]

    /// The outcomes that failed.
    public var failures: [MetricOutcome] { outcomes.filter { $0.error != nil } }
}

/// Collects today's values of a project's metrics, several at once, and saves
/// them with one transaction; a failing or hanging metric never loses the others.
public struct Collection: Sendable {
    public var config: Config
    /// How many collectors run at once.
    public var concurrency: Int

    public init(config: Config, concurrency: Int = 8) {
        self.config = config
        self.concurrency = max(1, concurrency)
    }

    /// The metrics to collect: the named ones (even inactive), else every active metric with a collector.
    public func metrics(named slugs: [String]) throws(DiagnosticList) -> [Metric] {
        guard !slugs.isEmpty else {
            return config.metrics.filter { $0.active && $0.collect != nil }
        }
        var chosen: [Metric] = [], errors: [Diagnostic] = []
        for slug in slugs {
            guard let metric = config.metric(slug) else {
                errors.append(Diagnostic("unknown metric '\(slug)'" + Suggestion.hint(for: slug, in: config.metrics.map(\.slug))))
                continue
            }
            if metric.series != nil {
                errors.append(Diagnostic("'\(slug)' is a series metric: `dbag build` computes it, there is nothing to collect", at: metric.location))
            } else if metric.collect == nil {
                errors.append(Diagnostic("'\(slug)' has no collector: record its values with `dbag record \(slug) VALUE`", at: metric.location))
            } else if !chosen.contains(where: { $0.slug == slug }) {
                chosen.append(metric)
            }
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return chosen
    }

    /// Collects the named metrics (or every active one) for `day` (default: today in
    /// the config's time zone), then saves the values and logs every run.
    public func run(_ slugs: [String] = [], day: Day? = nil, into store: any Store) async throws -> CollectionReport {
        let chosen = try metrics(named: slugs)
        try config.checkSourceEnvironment(for: chosen)
        let day = day ?? Day.today(in: config.timeZone)
        let outcomes = await collect(chosen, day: day)
        try store.saveCollection(day: day, outcomes: outcomes)
        return CollectionReport(day: day, outcomes: outcomes)
    }

    /// Runs the collectors, at most `concurrency` at once; never throws: failures become outcomes.
    public func collect(_ metrics: [Metric], day: Day) async -> [MetricOutcome] {
        let config = config, pool = SourcePool(timeZone: config.timeZone)
        var outcomes = [MetricOutcome?](repeating: nil, count: metrics.count)
        await withTaskGroup(of: (Int, MetricOutcome).self) { group in
            var next = 0
            func start() {
                guard next < metrics.count else { return }
                let index = next, metric = metrics[index]
                next += 1
                group.addTask { (index, await Collection.collect(metric, day: day, config: config, sources: pool)) }
            }
            for _ in 0..<concurrency { start() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                start()
            }
        }
        return outcomes.compactMap { $0 }
    }

    /// Collects one metric, turning any error into a message.
    static func collect(_ metric: Metric, day: Day, config: Config, sources: SourcePool) async -> MetricOutcome {
        let started = Date()
        guard let collector = metric.collector else {
            return MetricOutcome(slug: metric.slug, failure: Diagnostic("no collector"), started: started, finished: started)
        }
        do {
            let values = try await collector.collect(CollectContext(config: config, metric: metric, day: day, sources: sources))
            for value in values {
                if let problem = StoredText.problem(value.key, what: "key") ?? value.label.flatMap({ StoredText.problem($0, what: "label") }) {
                    throw CollectError(problem)
                }
            }
            return MetricOutcome(slug: metric.slug, values: values, started: started, finished: Date())
        } catch {
            return MetricOutcome(slug: metric.slug, failure: Diagnostic(error), started: started, finished: Date())
        }
    }
}
