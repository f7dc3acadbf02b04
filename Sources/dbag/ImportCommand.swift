import ArgumentParser
import DbagKit
import Foundation

/// `dbag import FILE`: loads CSV in the export's form, all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import values (metric,key,day,value) or object labels (metric,key,label) from CSV, in one transaction: all rows or none.",
        discussion: "Metrics missing from dbag.yml are imported too, with a warning: the store is yours."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The CSV file, or - for standard input (`dbag export | dbag import -` moves a store).", completion: .file(extensions: ["csv"]))
    var file: String

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            let store = try config.openStore()
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw Diagnostic("cannot read the file", file: file) }
            }
            let name = file == "-" ? "<stdin>" : file
            if LabelsCSV.isLabels(data) {
                let summary = try store.importLabelsCSV(data, file: name)
                print("imported \(summary.rows) label\(summary.rows == 1 ? "" : "s") of \(summary.metrics.count) metric\(summary.metrics.count == 1 ? "" : "s")")
                return
            }
            let summary = try store.importCSV(data, file: name)
            let known = Set(config.metrics.map(\.slug))
            for slug in summary.metrics where !known.contains(slug) {
                Terminal.error(Diagnostic("'\(slug)' is not in dbag.yml; imported anyway" + Suggestion.hint(for: slug, in: known), severity: .warning).description)
            }
            print("imported \(summary.rows) value\(summary.rows == 1 ? "" : "s") of \(summary.metrics.count) metric\(summary.metrics.count == 1 ? "" : "s")")
        }
    }
}
