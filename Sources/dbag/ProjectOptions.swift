import ArgumentParser
import DbagKit
import Foundation

/// `--project DIR`, shared by every command that works on a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder, holding dbag.yml (default: the nearest folder holding dbag.yml, here or above).", completion: .directory)
    var project: String?

    /// `--project DIR`, else the nearest folder at or above the current one that
    /// holds dbag.yml (as git finds a repository), else the current folder.
    var directory: URL {
        if let project { return URL(fileURLWithPath: project, isDirectory: true).standardizedFileURL }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return ProjectLocator.find(from: here) ?? here.standardizedFileURL
    }

    /// Loads dbag.yml, printing every error and exiting 1 on mistakes.
    func loadConfig() throws -> Config {
        let directory = self.directory
        if project == nil, !FileManager.default.fileExists(atPath: directory.appendingPathComponent("dbag.yml").path) {
            Terminal.error(Diagnostic("no dbag.yml in \(directory.path) or any folder above it (run `dbag init` to make a project, or pass --project DIR)").description)
            throw ExitCode(1)
        }
        do {
            return try ConfigLoader.load(projectDirectory: directory)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// Writing to the terminal: every line goes through `TerminalText.escaped`, so text from
/// the store or a collector cannot drive the terminal.
enum Terminal {
    /// Writes a line to standard error.
    static func error(_ message: String) {
        let text = TerminalText.escaped(message)
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes a line to standard output.
    static func line(_ message: String) {
        print(TerminalText.escaped(message))
    }

    /// Runs `body`; any thrown error is printed and becomes exit code 1.
    static func userErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.error(DiagnosticList(error).description)
            throw ExitCode(1)
        }
    }
}
