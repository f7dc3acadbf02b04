import ArgumentParser
import DbagKit
import Foundation

/// `dbag collect [SLUG…] [--date D]`: snapshots today's values.
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Collect today's value of every active metric (or the named ones) into the store.",
        discussion: "Exit status: 0 all collected, 1 configuration error, 2 some collectors failed (the others' values are saved)."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "Metrics to collect (default: every active metric with a collector).")
    var slugs: [String] = []

    @Option(help: "The day to file the values under, YYYY-MM-DD (default: today in the config's timezone).")
    var date: Day?

    func run() async throws {
        let config = try project.loadConfig()
        ProcessRunner.killGroupsOnTermination()
        let collection = Collection(config: config)
        let report = try await Terminal.userErrors {
            _ = try collection.metrics(named: slugs)
            let store = try config.openStore()
            return try await collection.run(slugs, day: date, into: store)
        }
        let collected = report.outcomes.filter { $0.error == nil }
        let width = collected.map(\.slug.count).max() ?? 0
        for outcome in collected {
            let padded = outcome.slug.padding(toLength: width, withPad: " ", startingAt: 0)
            let formatter = config.metric(outcome.slug).map { ValueFormatter(format: $0.format, unit: $0.unit) } ?? ValueFormatter()
            Terminal.line("\(padded)  \(Terminal.describe(outcome.values, formatter: formatter))")
        }
        for outcome in report.failures {
            if let failure = outcome.failure { Terminal.error(failure.about(outcome.slug).description) }
        }
        if !report.failures.isEmpty { throw ExitCode(2) }
    }
}

extension Terminal {
    /// `12.3k users`, or `3 objects (acme 12, globex 4, …)` for per-object values, as the metric's format writes them.
    static func describe(_ values: [CollectedValue], formatter: ValueFormatter) -> String {
        if values.count == 1, values[0].key.isEmpty { return formatter.string(values[0].value) }
        let shown = values.prefix(3).map { "\($0.key) \(formatter.string($0.value))" }.joined(separator: ", ")
        return "\(values.count) object\(values.count == 1 ? "" : "s")" + (values.isEmpty ? "" : " (\(shown)\(values.count > 3 ? ", …" : ""))")
    }
}
