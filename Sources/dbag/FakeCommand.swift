import ArgumentParser
import DbagKit
import Foundation

/// `dbag fake [--days N] [--seed S]`: fills the store with plausible history.
struct FakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake",
        abstract: "Fill the store with plausible history for every active metric (same seed, same values).",
        discussion: "Values already stored are kept. Series metrics are computed at build time and are left alone."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "How many days, ending today.")
    var days: Int = 365

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...36_500).contains(days) else { throw ValidationError("--days must be between 1 and 36500") }
    }

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            let metrics = HistoryFaker.metrics(in: config)
            let faker = HistoryFaker(seed: seed, days: days, lastDay: Day.today(in: config.timeZone))
            let (values, labels) = faker.history(for: metrics)
            let store = try config.openStore()
            try store.save(values, labels: labels, replacing: false)
            print("faked \(values.count) values for \(metrics.count) metrics over \(days) days")
        }
    }
}
