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
            guard let store = try config.openStoreForReading() else {
                print(StoreCSV.header)
                return
            }
            try store.exportCSV(to: FileHandle.standardOutput)
        }
    }
}
