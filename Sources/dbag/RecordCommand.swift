import ArgumentParser
import DbagKit
import Foundation

/// `dbag record SLUG VALUE [--key K] [--label L] [--date D]`: pushes one value.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a value for a metric (e.g. from CI), replacing that day's value."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The metric's slug.")
    var slug: String

    @Argument(help: "The value, a finite number such as 12 or 0.25.")
    var value: String

    @Option(help: "The object key, for a per-object metric.")
    var key: String?

    @Option(help: "The object's display name, for a per-object metric.")
    var label: String?

    @Option(help: "The day, YYYY-MM-DD (default: today in the config's timezone).")
    var date: Day?

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            let day = date ?? Day.today(in: config.timeZone)
            let stored = try Recording.value(slug: slug, text: value, key: key, day: day, config: config)
            if label != nil && stored.key.isEmpty { throw Diagnostic("--label needs --key: labels name objects of per-object metrics") }
            let store = try config.openStore()
            try store.save([stored], labels: label.map { [(metric: slug, key: stored.key, label: $0)] } ?? [])
            Terminal.line("\(slug)\(stored.key.isEmpty ? "" : "[\(stored.key)]") = \(StoreCSV.number(stored.value)) on \(day)")
        }
    }
}
