import ArgumentParser
import DbagKit
import Foundation

/// `dbag export`: the whole store as CSV on standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored value as CSV (metric,key,day,value) to standard output.",
        discussion: "With --labels, write the object labels instead (metric,key,label); `dbag import` reads both forms."
    )

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Write object labels (metric,key,label) instead of values.")
    var labels = false

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            guard let store = try config.openStoreForReading() else {
                print(labels ? LabelsCSV.header : StoreCSV.header)
                return
            }
            if labels {
                print(try store.exportLabelsCSV(), terminator: "")
            } else {
                try store.exportCSV(to: FileHandle.standardOutput)
            }
        }
    }
}
