import ArgumentParser
import DbagKit
import Foundation

/// `dbag check`: validates everything a build would, writes nothing, then checks alerts.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate dbag.yml, the dashboards and every query (prepared, never run) without writing anything, then check alerts.",
        discussion: "Exit status: 0 all good, 1 errors (all listed as file:line:column), 3 an alert fired (each named)."
    )

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Also connect to network sources (PostgreSQL) and prepare every query on them, without running it.")
    var sources = false

    func run() throws {
        let config = try project.loadConfig()
        var data = SiteData()
        var errors: [Diagnostic] = []
        do {
            data = try BuildClock.builder(config).check()
        } catch {
            errors = error.diagnostics
        }
        // SQLite sources always, network ones with --sources: every query prepared, none run.
        errors += SourceQuery.diagnostics(config, network: sources).filter { !errors.contains($0) }
        if !errors.isEmpty {
            Terminal.error(DiagnosticList(errors).description)
            Terminal.error("check failed: \(errors.count) error\(errors.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        let alerts = AlertCheck.fired(config: config, data: data)
        for alert in alerts {
            Terminal.error("alert: \(alert.description)")
        }
        if !alerts.isEmpty { throw ExitCode(3) }
        print("ok: \(config.metrics.count) metrics, dashboards valid, no alerts")
    }
}
