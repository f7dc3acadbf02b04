import ArgumentParser
import DbagKit
import Foundation

/// `dbag cron`: prints a crontab line and a CI workflow.
struct CronCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cron",
        abstract: "Print a crontab line and a GitHub Actions workflow that collect daily, build and publish.",
        discussion: "The workflow (.github/workflows/metrics.yml) checks out the project's repository, builds dbag, collects, builds the site, commits the store back and publishes with the official GitHub Pages actions. Each ${NAME} in dbag.yml becomes a secret. Warnings (on standard error) name what CI cannot reach."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The git URL CI builds dbag from (default: this project's checkout when it is dbag's repository, else the repository this dbag was built from).")
    var dbagSource: String?

    @Option(help: "The commit, tag or branch of --dbag-source to build (default: HEAD).")
    var dbagRef: String?

    func run() async throws {
        let config = try project.loadConfig()
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).standardizedFileURL.resolvingSymlinksInPath()
        let text = (try? String(contentsOf: config.directory.appendingPathComponent("dbag.yml"), encoding: .utf8)) ?? ""
        let (template, warnings) = CronSetup.plan(config: config, configText: text, executable: executable,
                                                  dbagSource: dbagSource, ref: dbagRef)
        for warning in warnings { Terminal.error(Diagnostic(warning, severity: .warning).description) }
        print("# crontab -e, then add (collects, then builds site/ even when some collectors failed):")
        print(CronTemplate.crontab(project: config.directory.path, executable: executable.path))
        print("")
        print(template.workflow, terminator: "")
    }
}
