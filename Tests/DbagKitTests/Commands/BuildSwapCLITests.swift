import Foundation
import Testing

/// `kill -9` of `dbag build` while it swaps the new site in: the site is whole
/// (old or new, never absent), and the next build cleans up and keeps hidden files.
/// strace delays every rename by half a second before and after it runs, and
/// the build is killed at several moments inside those windows.
@Suite struct BuildSwapCLITests {
    @Test func killedInsideTheSwapLeavesAWholeSite() throws {
        let project = try BuildCLITests().project()
        #expect(try CLITests.dbag(["build"], in: project).status == 0)
        try project.write("site/.nojekyll", "")
        try project.write("site/.git/HEAD", "ref: refs/heads/gh-pages\n")
        try project.write("site/CNAME", "metrics.example.com\n")
        for delay in [0.25, 0.75, 1.25, 1.75] {
            try project.write("dashboards/index.md", "# Round \(delay)\n::stat{metric=deploys}\n")
            try Self.buildKilledDuringRename(in: project, after: delay)
            let index = try String(contentsOfFile: project.path + "/site/index.html", encoding: .utf8)
            #expect(index.contains("</html>"), "killed \(delay)s into the swap, the site is not whole")
            #expect(FileManager.default.fileExists(atPath: project.path + "/site/assets/charts.css"))
            #expect(FileManager.default.fileExists(atPath: project.path + "/site/team/index.html"))
            #expect(FileManager.default.fileExists(atPath: project.path + "/site/CNAME"))
        }
        let next = try CLITests.dbag(["build"], in: project)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try BuildOutputCLITests.hiddenBeside(project, "site").isEmpty, "staging folders were left")
        let files = try BuildCLITests.files(in: project.path + "/site")
        #expect(files[".nojekyll"] != nil)
        #expect(files[".git/HEAD"] == Data("ref: refs/heads/gh-pages\n".utf8))
        #expect(files["CNAME"] == Data("metrics.example.com\n".utf8))
        #expect(String(decoding: files["index.html"] ?? Data(), as: UTF8.self).contains("Round 1.75"))
    }

    /// Runs `dbag build` under strace with every rename delayed, and kills it
    /// with SIGKILL `delay` seconds after its first rename of the site began.
    static func buildKilledDuringRename(in project: ScratchProject, after delay: Double) throws {
        let strace = "/usr/bin/strace"
        try #require(FileManager.default.isExecutableFile(atPath: strace), "strace is needed (apt-get install strace)")
        let log = project.path + "/strace-\(delay).log"
        let renames = "rename,renameat,renameat2"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-f", "-o", log, "-e", "trace=execve,\(renames)",
                             "-e", "inject=\(renames):delay_enter=500000:delay_exit=500000",
                             try CLITests.executable().path, "build"]
        process.currentDirectoryURL = project.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.waitUntilExit() }
        let deadline = Date().addingTimeInterval(120)
        var pid: Int32?
        while Date() < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if pid == nil, let first = text.split(separator: "\n").first { pid = Int32(first.prefix { $0.isNumber }) }
            if text.split(separator: "\n").contains(where: { $0.contains("rename") && $0.contains("/site") }) { break }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let dbag = try #require(pid, "no trace of the build in \(log)")
        try #require(process.isRunning, "the build ended before its swap")
        Thread.sleep(forTimeInterval: delay)
        kill(dbag, SIGKILL)
    }
}
