import Foundation
import Testing
@testable import DbagKit

@Suite struct CommandCollectorTests {
    @Test(arguments: [
        ("42", 42.0), ("  1,234 open", 1234), ("-12.5°C", -12.5), ("1e3 things", 1000), ("v2", 2),
        ("3,14", 3), ("total: 12,345,678.5", 12_345_678.5), ("a-5", 5), (".5", 0.5), ("+7", 7),
    ])
    func firstNumber(_ text: String, _ expected: Double) throws {
        #expect(try NumberScanner.firstNumber(in: text) == expected)
    }

    @Test func noNumber() throws {
        #expect(try NumberScanner.firstNumber(in: "none here") == nil)
    }

    /// A first number that is no finite Double is an error, never a number found further on
    /// (`1e400` used to be 400, 20,000 nines 1e308).
    @Test(arguments: [
        ("1e400", "the number 1e400 is out of range"),
        ("total: -1e400 today", "the number -1e400 is out of range"),
        (String(repeating: "9", count: 20_000), "the number 99999999999999999999… (20000 characters) is out of range"),
        ("1e-400", "the number 1e-400 is too small to tell from 0"),
    ])
    func outOfRangeIsAnError(_ text: String, _ message: String) {
        #expect(throws: CollectError(message)) { try NumberScanner.firstNumber(in: text) }
    }

    /// One linear pass: a megabyte of digits is read once (it took minutes when every digit restarted the scan).
    @Test func aMegabyteOfDigitsIsOneNumber() {
        let digits = String(repeating: "7", count: 1_000_000)
        #expect(throws: CollectError("the number 77777777777777777777… (1000000 characters) is out of range")) {
            try NumberScanner.firstNumber(in: "x " + digits + " 5")
        }
    }

    @Test(arguments: [("12", 12.0), (" -3.5 ", -3.5), ("1,234", 1234), ("+2e3", 2000)])
    func wholeNumbers(_ text: String, _ expected: Double) throws {
        #expect(try NumberScanner.wholeNumber(text) == expected)
    }

    @Test(arguments: ["12abc", "0x10", "nan", "inf", "1.2.3", "", "-"])
    func notWholeNumbers(_ text: String) throws {
        #expect(try NumberScanner.wholeNumber(text) == nil)
    }

    @Test func outOfRangeValuesFailTheCollection() async throws {
        let project = try ScratchProject()
        let config = try config(project, """
              big:
                collect: { command: "echo 1e400" }
              digits:
                collect: { command: "head -c 300000 /dev/zero | tr '\\\\0' 9", timeout: 60s }
              objects:
                per: x
                collect: { command: "printf 'a,1\\nb,1e400\\n'" }
            """)
        #expect(await ScratchProject.errorText { try await ScratchProject.collect("big", in: config) } == "the number 1e400 is out of range")
        let digits = await ScratchProject.errorText { try await ScratchProject.collect("digits", in: config) }
        #expect(digits == "the number 99999999999999999999… (300000 characters) is out of range")
        let objects = await ScratchProject.errorText { try await ScratchProject.collect("objects", in: config) }
        #expect(objects == "output line 2: the number 1e400 is out of range")
    }

    func config(_ project: ScratchProject, _ metrics: String) throws -> Config {
        try project.config("metrics:\n" + metrics)
    }

    @Test func runsInTheProjectFolder() async throws {
        let project = try ScratchProject()
        try project.write("a.txt", "1\n")
        try project.write("b.txt", "2\n")
        let config = try config(project, """
              files:
                collect: { command: "ls *.txt | wc -l" }
            """)
        #expect(try await ScratchProject.collect("files", in: config) == [CollectedValue(value: 2)])
    }

    @Test func nonZeroExitQuotesStderr() async throws {
        let project = try ScratchProject()
        let config = try config(project, """
              broken:
                collect: { command: "echo 12; echo 'no such repo' >&2; exit 4" }
            """)
        let message = await ScratchProject.errorText { try await ScratchProject.collect("broken", in: config) }
        #expect(message == "command exited 4: no such repo")
    }

    @Test func timeoutKillsTheCommandAndItsChildren() async throws {
        let project = try ScratchProject()
        let config = try config(project, """
              hang:
                collect: { command: "sleep 100 & echo $! > child.pid; sleep 100", timeout: 1s }
            """)
        let start = Date()
        let message = await ScratchProject.errorText { try await ScratchProject.collect("hang", in: config) }
        #expect(message == "command timed out after 1s and was killed")
        #expect(Date().timeIntervalSince(start) < 40)
        let pidText = try String(contentsOf: project.directory.appendingPathComponent("child.pid"), encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try await Self.isGone(pid))
    }

    @Test func childrenLeftBehindAreKilled() async throws {
        let project = try ScratchProject()
        let config = try config(project, """
              leaves:
                collect: { command: "sleep 100 > /dev/null 2>&1 & echo $! > child.pid; echo 5" }
            """)
        #expect(try await ScratchProject.collect("leaves", in: config) == [CollectedValue(value: 5)])
        let pidText = try String(contentsOf: project.directory.appendingPathComponent("child.pid"), encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try await Self.isGone(pid))
    }

    @Test func perObjectLines() async throws {
        let project = try ScratchProject()
        let config = try config(project, """
              repos:
                per: repo
                collect: { command: "printf 'dbag,12\\\\nsite,Our site,3.5\\\\n\\\\nzip big deal 7\\\\n'" }
            """)
        #expect(try await ScratchProject.collect("repos", in: config) == [
            CollectedValue(key: "dbag", value: 12),
            CollectedValue(key: "site", label: "Our site", value: 3.5),
            CollectedValue(key: "zip", label: "big deal", value: 7),
        ])
    }

    @Test func outputWithoutNumberFails() async throws {
        let project = try ScratchProject()
        let config = try config(project, """
              words:
                collect: { command: "echo nothing" }
            """)
        #expect(await ScratchProject.errorText { try await ScratchProject.collect("words", in: config) } == "no number in the command's output: nothing")
    }

    /// Whether a process no longer runs (gone, or a zombie waiting for its reaper).
    static func isGone(_ pid: Int32) async throws -> Bool {
        for _ in 0..<50 {
            if kill(pid, 0) != 0 { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
