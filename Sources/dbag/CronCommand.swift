import ArgumentParser
import DbagKit
import Foundation

/// `dbag cron`: prints a crontab line and a CI workflow.
struct CronCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cron",
        abstract: "Print a crontab line and a GitHub Actions workflow that collect daily and publish."
    )

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        _ = try project.loadConfig()
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
        print("# crontab -e, then add:")
        print(CronTemplate.crontab(project: project.directory.path, executable: executable))
        print("")
        print(CronTemplate.workflow, terminator: "")
    }
}
