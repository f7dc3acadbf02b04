import ArgumentParser
import DbagKit
import Foundation

@main
struct DbagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbag",
        abstract: "Collect one value per metric per day, and build dashboards from Markdown.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            CollectCommand.self,
            RecordCommand.self,
            EventCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            FakeCommand.self,
            BuildCommand.self,
            CheckCommand.self,
            ServeCommand.self,
            MetricsCommand.self,
            CronCommand.self,
        ]
    )
}
