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
            CollectCommand.self,
            RecordCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            BuildCommand.self,
            CheckCommand.self,
            ServeCommand.self,
        ]
    )
}
