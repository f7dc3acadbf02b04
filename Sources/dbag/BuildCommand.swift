import ArgumentParser
import DbagKit
import Foundation

/// `dbag build [--out DIR] [--base-url URL]`: writes the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the dashboards into a static site (default: site/).",
        discussion: "The site is written to a temporary folder and swapped in whole: a failed build leaves the previous site as it was. Exit status: 0 built, 1 errors (all listed as file:line:column)."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The output folder (default: site/ in the project).", completion: .directory)
    var out: String?

    @Option(help: "The site's public address, e.g. https://example.org/metrics/, for canonical links (default: base_url in dbag.yml). Links inside the site are relative and need no setting.")
    var baseURL: String?

    func run() throws {
        var config = try project.loadConfig()
        if let baseURL {
            do { config.baseURL = try Config.validatedBaseURL(baseURL) } catch {
                Terminal.error(error.about("--base-url").description)
                throw ExitCode(1)
            }
        }
        let started = Date()
        let output = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? config.defaultOutput
        let hadSite = FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path)
        let written: (pages: Int, files: Int)
        do {
            written = try BuildClock.builder(config).write(to: output)
        } catch let error as DiagnosticList {
            Terminal.error(error.description)
            Terminal.error("build failed: \(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s"); " + (hadSite ? "the previous site is unchanged" : "nothing was written"))
            throw ExitCode(1)
        } catch {
            Terminal.error(DiagnosticList(error).description)
            throw ExitCode(1)
        }
        let (pages, files) = written
        let seconds = Date().timeIntervalSince(started)
        print("built \(pages) page\(pages == 1 ? "" : "s") (\(files) files) into \(output.standardizedFileURL.path) in \(String(format: "%.2f", seconds))s")
    }
}

/// The moment a build judges staleness against: now, or `SOURCE_DATE_EPOCH`
/// for reproducible builds.
enum BuildClock {
    /// A site builder judging staleness at `now()`, printing warnings to standard error.
    static func builder(_ config: Config) -> SiteBuilder {
        var builder = SiteBuilder(config: config, now: now())
        builder.warn = { Terminal.error($0.description) }
        return builder
    }

    static func now() -> Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date()
    }
}
