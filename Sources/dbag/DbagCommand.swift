import ArgumentParser
import DbagKit
import Foundation

@main
struct DbagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbag",
        abstract: "Collect one value per metric per day, and build dashboards from Markdown.",
        discussion: "Exit status: 0 ok, 1 user error (the message says what and where), 2 some collectors failed, 3 an alert fired.",
        version: DbagVersion.string,
        subcommands: [
            InitCommand.self,
            CollectCommand.self,
            RecordCommand.self,
            EventCommand.self,
            DeleteCommand.self,
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

    /// Runs the command; a mistake on the command line (a bad `--date`, a
    /// missing argument) exits 1 like every other user error, not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch where error is Diagnostic || error is DiagnosticList || error is any DiagnosticConvertible {
            Terminal.error(DiagnosticList(error).description)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.error(message) }
            Foundation.exit(code == .validationFailure ? 1 : code.rawValue)
        }
    }
}
