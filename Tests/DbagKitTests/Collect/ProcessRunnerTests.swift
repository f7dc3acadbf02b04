import Foundation
import Testing
@testable import DbagKit

/// Real shells, real pipes, real process groups: the runner's limits hold whatever the command does.
@Suite struct ProcessRunnerTests {
    /// A `setsid` child holding the pipes escapes the group, but not the runner: the value comes
    /// as soon as the shell exits (it used to wait the 60 s until the sleep ended). Bounds here
    /// are generous: tests share two threads with others that block them for seconds.
    @Test func aDetachedChildDoesNotHoldTheCollector() async throws {
        let project = try ScratchProject()
        defer { Self.killPid(in: project, "bg.pid") }
        let start = Date()
        let output = try await ProcessRunner.run("setsid sleep 60 & echo $! > bg.pid; sleep 0.2; echo 1", in: project.path, timeout: 1)
        #expect(Date().timeIntervalSince(start) < 40)
        #expect(output.timedOut == false)
        #expect(String(decoding: output.stdout, as: UTF8.self) == "1\n")
    }

    /// The timeout bounds the whole run even when a detached child keeps the pipes open.
    @Test func theTimeoutIsALimit() async throws {
        let project = try ScratchProject()
        defer { Self.killPid(in: project, "bg.pid") }
        let config = try project.config("""
            metrics:
              slow:
                collect: { command: "setsid sleep 60 & echo $! > bg.pid; sleep 50", timeout: 1s }
            """)
        let start = Date()
        let message = await ScratchProject.errorText { try await ScratchProject.collect("slow", in: config) }
        #expect(Date().timeIntervalSince(start) < 40)
        #expect(message == "command timed out after 1s and was killed")
    }

    /// Issue 15's repro: a metric whose background process holds its pipes, next to a good one.
    /// Both values arrive, and the good one is not held by the other's pipes.
    @Test func oneMetricsBackgroundProcessDoesNotStallTheOthers() async throws {
        let project = try ScratchProject()
        defer { Self.killPid(in: project, "bg.pid") }
        let config = try project.config("""
            metrics:
              good:
                collect: { command: "sleep 0.3; echo 7", timeout: 5s }
              bad:
                collect: { command: "setsid sleep 60 >/dev/null 2>&1 </dev/null & echo $! > bg.pid; sleep 0.2; echo 5", timeout: 2s }
            """)
        let start = Date()
        let outcomes = await Collection(config: config).collect(config.metrics, day: Day(ordinal: 20_000))
        #expect(Date().timeIntervalSince(start) < 40)
        #expect(outcomes.map(\.error) == [nil, nil])
        #expect(outcomes.map(\.values) == [[CollectedValue(value: 7)], [CollectedValue(value: 5)]])
    }

    /// Pipes are close-on-exec: a command started while another runs does not hold that one's pipe.
    @Test func aCommandDoesNotInheritAnothersPipes() async throws {
        let project = try ScratchProject()
        let folder = project.path
        let first = Task { try await ProcessRunner.run("echo $(readlink /proc/$$/fd/1) > first.pipe; sleep 30", in: folder, timeout: 8) }
        let file = project.directory.appendingPathComponent("first.pipe")
        var pipeName = ""
        for _ in 0..<100 where pipeName.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            pipeName = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        #expect(pipeName.hasPrefix("pipe:["))
        let second = try await ProcessRunner.run("ls -l /proc/$$/fd/", in: project.path, timeout: 10)
        let listing = String(decoding: second.stdout, as: UTF8.self)
        #expect(listing.contains("pipe:["))
        #expect(!listing.contains(pipeName), "the second command holds the first one's pipe: \(listing)")
        _ = try await first.value
    }

    /// A command printing 100 MB fails at 1 MB, killed, without reading the rest.
    @Test func outputOverTheLimitFails() async throws {
        let project = try ScratchProject()
        let config = try project.config("""
            metrics:
              flood:
                collect: { command: "yes 12345 | head -c 100000000", timeout: 60s }
            """)
        let message = await ScratchProject.errorText { try await ScratchProject.collect("flood", in: config) }
        #expect(message?.hasPrefix("command output over 1 MB and was killed") == true)
    }

    /// Standard error is not limited: its end is kept for the message.
    @Test func longStandardErrorKeepsItsEnd() async throws {
        let project = try ScratchProject()
        let output = try await ProcessRunner.run("yes noise | head -c 3000000 >&2; echo last words >&2; exit 3", in: project.path, timeout: 30)
        #expect(output.exitStatus == 3)
        #expect(output.stderr.count <= ProcessRunner.errorLimit)
        #expect(String(decoding: output.stderr, as: UTF8.self).hasSuffix("noise\nlast words\n"))
    }

    /// Kills the process whose pid a command wrote to `name` (a detached child the group kill cannot reach).
    static func killPid(in project: ScratchProject, _ name: String) {
        guard let text = try? String(contentsOf: project.directory.appendingPathComponent(name), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else { return }
        kill(pid, SIGKILL)
    }
}
