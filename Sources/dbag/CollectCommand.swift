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
        let collection = Collection(config: config)
        let report = try await Terminal.userErrors {
            _ = try collection.metrics(named: slugs)
            let store = try MetricStore(path: config.storePath)
            return try await collection.run(slugs, day: date, into: store)
        }
        let width = report.outcomes.map(\.slug.count).max() ?? 0
        for outcome in report.outcomes {
            let padded = outcome.slug.padding(toLength: width, withPad: " ", startingAt: 0)
            if let error = outcome.error {
                print("\(padded)  failed: \(error)")
            } else {
                print("\(padded)  \(Terminal.describe(outcome.values))")
            }
        }
        for failure in report.failures {
            Terminal.error(Diagnostic("\(failure.slug): \(failure.error ?? "")", file: failure.location?.file,
                                      line: failure.location?.line, column: failure.location?.column).description)
        }
        if !report.failures.isEmpty { throw ExitCode(2) }
    }
}

extension Terminal {
    /// `12`, or `3 objects (acme 12, globex 4, …)` for per-object values.
    static func describe(_ values: [CollectedValue]) -> String {
        if values.count == 1, values[0].key.isEmpty { return StoreCSV.number(values[0].value) }
        let shown = values.prefix(3).map { "\($0.key) \(StoreCSV.number($0.value))" }.joined(separator: ", ")
        return "\(values.count) object\(values.count == 1 ? "" : "s")" + (values.isEmpty ? "" : " (\(shown)\(values.count > 3 ? ", …" : ""))")
    }
}
