import ArgumentParser
import DbagKit
import Foundation

/// `dbag delete SLUG [--key K] (--date D | --from D --to D | --all)`: removes stored values.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Remove a metric's stored values: one day, a range of days, or all of them.",
        discussion: "Give exactly one of --date, --from/--to (both, inclusive) or --all. With --key only that object's values go. Exit status: 0 removed (or nothing matched), 1 a mistake."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The metric's slug.")
    var slug: String

    @Option(help: "Only this object's values, for a per-object metric.")
    var key: String?

    @Option(help: "One day, YYYY-MM-DD.")
    var date: Day?

    @Option(help: "The first day of a range, YYYY-MM-DD (with --to).")
    var from: Day?

    @Option(help: "The last day of a range, YYYY-MM-DD (with --from).")
    var to: Day?

    @Flag(help: "Every day.")
    var all = false

    func validate() throws {
        let choices = [date != nil, from != nil || to != nil, all].filter { $0 }.count
        guard choices == 1 else {
            throw ValidationError("give exactly one of --date D, --from D --to D, or --all")
        }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            let range = DeletionRange(date: date, from: from, to: to)
            guard FileManager.default.fileExists(atPath: config.storePath) else {
                print("removed 0 values: \(config.storePath) does not exist yet")
                return
            }
            let store = try config.openStore()
            let removed = try store.delete(metric: slug, key: key, from: range.from, to: range.to)
            if removed == 0, config.metric(slug) == nil {
                throw Diagnostic("unknown metric '\(slug)'" + Suggestion.hint(for: slug, in: config.metrics.map(\.slug)) + ": nothing removed")
            }
            print("removed \(removed) value\(removed == 1 ? "" : "s") of \(slug)\(key.map { "[\($0)]" } ?? "")\(range.text)")
        }
    }
}

/// The days `dbag delete` removes: one day, an inclusive range, or every day (nil bounds).
struct DeletionRange {
    var from: Day?
    var to: Day?

    init(date: Day?, from: Day?, to: Day?) {
        self.from = date ?? from
        self.to = date ?? to
    }

    /// ` on 2026-01-05`, ` from … to …`, or `` for every day.
    var text: String {
        guard let from, let to else { return "" }
        return from == to ? " on \(from)" : " from \(from) to \(to)"
    }
}
