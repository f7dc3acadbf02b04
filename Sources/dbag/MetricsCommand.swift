import ArgumentParser
import DbagKit
import Foundation

/// `dbag metrics`: a table of every metric and its health.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "List metrics: slug, kind, last value, last collected, status (ok, stale, failed, never)."
    )

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            let store = try config.openStoreForReading()
            Terminal.line(MetricStatus.table(try MetricStatus.all(config: config, store: store)))
        }
    }
}
