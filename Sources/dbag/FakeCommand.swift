import ArgumentParser
import DbagKit
import Foundation

/// `dbag fake [--days N] [--seed S]`: fills the store with plausible history.
struct FakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake",
        abstract: "Fill the store with plausible history for every active metric (same seed, same values).",
        discussion: "For demos and trying themes: a store that already holds values is refused (exit 1, nothing changed), because invented values would mix with real ones; --force adds the history anyway, keeping the values already stored. Series metrics are computed at build time and are left alone."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "How many days, ending today.")
    var days: Int = 365

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Flag(help: "Add invented history even though the store already holds values.")
    var force = false

    func validate() throws {
        guard (1...36_500).contains(days) else { throw ValidationError("--days must be between 1 and 36500") }
    }

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            let metrics = HistoryFaker.metrics(in: config)
            let faker = HistoryFaker(seed: seed, days: days, lastDay: Day.today(in: config.timeZone))
            let (values, labels) = faker.history(for: metrics)
            if !force, let existing = try config.openStoreForReading(), try existing.hasValues() {
                throw Diagnostic("\(config.storeName) already holds values: invented history would mix with them and nothing could tell them apart. Nothing was changed. Try fake in a scratch project (`dbag init demo`), remove values with `dbag delete SLUG --all`, or add --force")
            }
            let store = try config.openStore()
            try store.save(values, labels: labels, replacing: false)
            print("faked \(values.count) values for \(metrics.count) metrics over \(days) days")
        }
    }
}
