import Foundation
import Testing
@testable import DbagKit

/// Runs the built `dbag` executable as a real process (`swift test` builds it too).
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func executable() throws -> URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("dbag"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dbag"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/dbag"),
        ].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            Issue.record("the dbag executable is not built (looked at \(candidates.map(\.path))); run `swift build` first")
            throw CancellationError()
        }
        return found
    }

    static func dbag(_ arguments: [String], in project: ScratchProject) throws -> Run {
        try run(try executable().path, arguments, in: project.directory)
    }

    /// Runs dbag on a thread of its own: waiting for it never holds one of the few
    /// Swift concurrency threads that the other tests' timers need.
    static func dbagOffPool(_ arguments: [String], in project: ScratchProject) async throws -> Run {
        let directory = project.directory, program = try executable().path
        return try await Blocking.run { try run(program, arguments, in: directory) }
    }

    /// Runs any program in a folder, waiting for it and its output.
    static func run(_ program: String, _ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func initCollectRecordExportImport() throws {
        let project = try ScratchProject()
        #expect(try Self.dbag(["init"], in: project).status == 0)
        let again = try Self.dbag(["init"], in: project)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))

        let collect = try Self.dbag(["collect", "--date", "2026-01-05"], in: project)
        #expect(collect.status == 0)
        #expect(collect.stdout.contains("dashboard-files  1"))

        #expect(try Self.dbag(["record", "deploys", "3", "--date", "2026-01-05"], in: project).status == 0)
        let typo = try Self.dbag(["record", "deploy", "3"], in: project)
        #expect(typo.status == 1)
        #expect(typo.stderr == "error: unknown metric 'deploy' (did you mean 'deploys'?)\n")
        #expect(try Self.dbag(["record", "deploys", "inf"], in: project).status == 1)
        #expect(try Self.dbag(["record", "deploys", "12abc"], in: project).status == 1)

        let export = try Self.dbag(["export"], in: project)
        #expect(export.stdout == "metric,key,day,value\ndashboard-files,,2026-01-05,1\ndeploys,,2026-01-05,3\n")

        try project.write("data.csv", "metric,key,day,value\ndeploys,,2026-01-06,4\nnew-one,,2026-01-06,1\n")
        let imported = try Self.dbag(["import", "data.csv"], in: project)
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("warning: 'new-one' is not in dbag.yml"))
        try project.write("bad.csv", "metric,key,day,value\ndeploys,,2026-01-07,4\ndeploys,,2026-01-08,x\n")
        let bad = try Self.dbag(["import", "bad.csv"], in: project)
        #expect(bad.status == 1)
        #expect(bad.stderr == "bad.csv:3:21: error: value 'x' is not a finite number\n")
        #expect(try Self.dbag(["export"], in: project).stdout.components(separatedBy: "\n").count == 6)

        let metrics = try Self.dbag(["metrics"], in: project)
        #expect(metrics.status == 0)
        #expect(metrics.stdout.contains("deploys          pushed"))
        #expect(try Self.dbag(["cron"], in: project).stdout.contains("cd \(project.path) && "))
    }

    @Test func collectExitCodes() throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", """
            metrics:
              ok:
                collect: { command: "echo 5" }
              open-issues:
                collect: { command: "echo 'rate limited' >&2; exit 1" }
            """)
        let run = try Self.dbag(["collect"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr == "error: open-issues: command exited 1: rate limited\n")
        #expect(run.stdout == "ok  5\n")
        #expect(try Self.dbag(["collect", "ok"], in: project).status == 0)
        let unknown = try Self.dbag(["collect", "opne-issues"], in: project)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'open-issues'?"))

        try project.write("dbag.yml", "metrics:\n  a:\n    colect: 1\n")
        let config = try Self.dbag(["collect"], in: project)
        #expect(config.status == 1)
        #expect(config.stderr.contains("dbag.yml:3:5: error: unknown key 'colect'"))
    }

    @Test func fakeIsDeterministic() throws {
        let a = try ScratchProject(), b = try ScratchProject()
        for project in [a, b] {
            _ = try Self.dbag(["init"], in: project)
            #expect(try Self.dbag(["fake", "--days", "30", "--seed", "9"], in: project).status == 0)
        }
        let exportA = try Self.dbag(["export"], in: a).stdout, exportB = try Self.dbag(["export"], in: b).stdout
        #expect(exportA == exportB)
        #expect(exportA.split(separator: "\n").count == 61)
    }
}
