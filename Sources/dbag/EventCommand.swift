import ArgumentParser
import DbagKit
import Foundation

/// `dbag event LABEL [--date D] [--metric SLUG…]`: stores an event (a deploy, a launch) for the charts.
struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Store an event (e.g. a deploy, from CI), drawn on every chart whose window holds it."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "What happened, e.g. \"Deploy v2.3\".")
    var label: String

    @Option(help: "The day, YYYY-MM-DD (default: today in the config's timezone).")
    var date: Day?

    @Option(name: .customLong("metric"), parsing: .upToNextOption,
            help: "Show the event only on these metrics' charts (default: every chart).")
    var metrics: [String] = []

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            let today = Day.today(in: config.timeZone)
            let event = try EventRecording.event(label: label, day: date ?? today, metrics: metrics, today: today, config: config)
            let store = try config.openStore()
            try store.addEvent(event)
            let scope = event.metrics.isEmpty ? "every chart" : event.metrics.joined(separator: ", ")
            Terminal.line("event \"\(event.label)\" on \(event.day) (\(scope))")
        }
    }
}
