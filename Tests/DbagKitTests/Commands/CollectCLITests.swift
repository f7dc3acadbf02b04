import Foundation
import Testing
@testable import DbagKit

/// `dbag collect` as a real process: signals, printing, memory.
@Suite struct CollectCLITests {
    /// However dbag ends (SIGTERM, SIGINT, SIGKILL), no command it started survives it.
    @Test(arguments: [SIGTERM, SIGINT, SIGKILL])
    func noCommandSurvivesDbag(_ signal: Int32) async throws {
        let marker = "1234.\(Int.random(in: 10_000...99_999))"
        let project = try ScratchProject()
        try project.write("dbag.yml", """
            metrics:
              plain:
                collect: { command: "sleep \(marker); echo 1", timeout: 120s }
              nested:
                collect: { command: "sh -c 'sleep \(marker)1 | cat'; echo 2", timeout: 120s }
            """)
        let process = Process()
        process.executableURL = try CLITests.executable()
        process.arguments = ["collect"]
        process.currentDirectoryURL = project.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { Self.processes(containing: marker).forEach { kill($0, SIGKILL) } }
        var started: [Int32] = []
        for _ in 0..<600 where started.count < 2 {
            try await Task.sleep(for: .milliseconds(50))
            started = Self.processes(containing: marker).filter { Self.commandLine($0).first == "sleep" }
        }
        #expect(started.count == 2, "both commands should be running")
        kill(process.processIdentifier, signal)
        for _ in 0..<600 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        if signal != SIGKILL {
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(process.terminationStatus == signal)
        }
        var left = Self.processes(containing: marker)
        for _ in 0..<300 where !left.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            left = Self.processes(containing: marker)
        }
        #expect(left.isEmpty, "processes left behind: \(left)")
    }

    /// Each failure is printed once, on standard error; values as the metric's format writes them.
    @Test func printsFailuresOnceAndValuesFormatted() async throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", """
            metrics:
              revenue:
                collect: { command: "echo 8612.480000000001" }
              broken:
                collect: { command: "echo 'rate limited' >&2; exit 1" }
              share:
                format: percent
                collect: { command: "echo 0.4567" }
              seats:
                unit: seats
                per: team
                collect: { command: "printf 'a,1200\\\\nb,3\\\\n'" }
            """)
        let run = try await Self.dbag(["collect"], in: project)
        #expect(run.status == 2)
        #expect(run.stdout == "revenue  8,612\nshare    45.7%\nseats    2 objects (a 1,200 seats, b 3 seats)\n")
        #expect(run.stderr == "error: broken: command exited 1: rate limited\n")
    }

    /// Keys and messages with terminal escapes are shown escaped, never sent raw.
    @Test func terminalEscapesAreShownEscaped() async throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", """
            metrics:
              keys:
                per: x
                collect: { command: "printf '\\\\033]0;pwned\\\\007\\\\033[2J,5\\\\n'" }
              noisy:
                collect: { command: "printf '\\\\033[2Jcleared\\\\r' >&2; exit 1" }
            """)
        let run = try await Self.dbag(["collect"], in: project)
        #expect(run.stdout == "keys  1 object (\\x1b]0;pwned\\x07\\x1b[2J 5)\n")
        #expect(run.stderr == "error: noisy: command exited 1: \\x1b[2Jcleared\n")
        let metrics = try await Self.dbag(["metrics"], in: project)
        #expect(!metrics.stdout.contains("\u{1b}"))
    }

    /// A 200 MB body and an endless one fail at 1 MB, and dbag's memory stays small
    /// (641 MB and 2.3 GB of peak RSS before).
    @Test func hugeHTTPBodiesKeepMemorySmall() async throws {
        let server = try TestHTTPServer(program: StreamingServer.program)
        let project = try ScratchProject()
        try project.write("dbag.yml", """
            metrics:
              huge:
                collect: { http: "\(server.url("huge"))", timeout: 60s }
              endless:
                collect: { http: "\(server.url("endless"))", timeout: 60s }
            """)
        // Python's getrusage(RUSAGE_CHILDREN) gives the peak RSS of dbag alone, in KB.
        let wrapper = "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
            + "print('peak', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, 'exit', r.returncode, file=sys.stderr)"
        let arguments = ["python3", "-c", wrapper, try CLITests.executable().path, "collect"], directory = project.directory
        let run = try await Blocking.run { try CLITests.run("/usr/bin/env", arguments, in: directory) }
        #expect(run.stderr.contains("error: huge: the response of \(server.url("huge")) is over 1 MB"))
        #expect(run.stderr.contains("error: endless: the response of \(server.url("endless")) is over 1 MB"))
        #expect(run.stderr.contains(" exit 2"))
        let words = run.stderr.split(whereSeparator: \.isWhitespace)
        let peak = try #require(words.firstIndex(of: "peak").flatMap { Int(words[$0 + 1]) })
        #expect(peak < 100_000, "peak RSS \(peak) KB")
    }

    /// `dbag` run on a thread of its own, not blocking one of the few threads tests share.
    static func dbag(_ arguments: [String], in project: ScratchProject) async throws -> CLITests.Run {
        let program = try CLITests.executable().path, directory = project.directory
        return try await Blocking.run { try CLITests.run(program, arguments, in: directory) }
    }

    /// The pids of live processes whose command line contains `text` (a zombie's is empty).
    static func processes(containing text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            pid != getpid() && commandLine(pid).contains { $0.contains(text) }
        }
    }

    static func commandLine(_ pid: Int32) -> [String] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
