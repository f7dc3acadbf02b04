import ArgumentParser
import DbagKit
import Foundation

/// `dbag export`: the whole store as CSV on standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored value as CSV (metric,key,day,value) to standard output."
    )

    @OptionGroup var project: ProjectOptions

    func run() async throws {
        let config = try project.loadConfig()
        try await Terminal.userErrors {
            guard FileManager.default.fileExists(atPath: config.storePath) else {
                print(StoreCSV.header)
                return
            }
            let store = try MetricStore(path: config.storePath, readOnly: true)
            try store.exportCSV(to: FileHandle.standardOutput)
        }
    }
}
