import ArgumentParser
import DbagKit
import Foundation

/// `dbag check`: validates everything a build would, writes nothing, then checks alerts.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate dbag.yml and the dashboards without writing anything, then check alerts.",
        discussion: "Exit status: 0 all good, 1 errors (all listed as file:line:column), 3 an alert fired (each named)."
    )

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let config = try project.loadConfig()
        let data: SiteData
        do {
            data = try BuildClock.builder(config).check()
        } catch {
            Terminal.error(error.description)
            Terminal.error("check failed: \(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s")")
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
