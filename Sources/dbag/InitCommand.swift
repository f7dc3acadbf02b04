import ArgumentParser
import DbagKit
import Foundation

/// `dbag init [DIR]`: writes a starter project.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a project (dbag.yml, dashboards/index.md, .gitignore) that works with no other setup."
    )

    @Argument(help: "The folder to create the project in (default: the current folder).", completion: .directory)
    var directory: String?

    func run() async throws {
        try await Terminal.userErrors {
            let url = URL(fileURLWithPath: directory ?? ".", isDirectory: true).standardizedFileURL
            for path in try ProjectTemplate.write(to: url) {
                print("created \(url.appendingPathComponent(path).path)")
            }
            let cd = directory.map { "cd \(ShellQuote.quoted($0)) && " } ?? ""
            print("next: \(cd)dbag collect && dbag build, then open site/index.html (or preview with `dbag serve`)")
        }
    }
}
