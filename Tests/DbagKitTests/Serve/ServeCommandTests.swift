import Foundation
import Testing

/// Runs the built `dbag serve` as a process, as a user would.
@Suite struct ServeCommandTests {
    /// `.build/debug/dbag`, found from this file: Tests/DbagKitTests/Serve/ → package root.
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/dbag")

    @Test func servesUntilInterruptedAndExitsZero() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build first: swift build --build-tests")
        let project = try ServeProject()
        defer { project.folder.remove() }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--project", project.folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let exited = ExitWatch()
        process.terminationHandler = { exited.finish($0.terminationStatus) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let line = try await Self.firstLine(of: output.fileHandleForReading)
        #expect(line.hasPrefix("Serving Serve test at http://127.0.0.1:"))
        #expect(line.hasSuffix("/ (Ctrl-C to stop)"))
        let port = try #require(line.split(separator: ":").dropFirst(2).first.flatMap { UInt16($0.prefix { $0.isNumber }) })
        let home = try await fetch(port, "/")
        #expect(home.status == 200)
        #expect(home.text.contains("Hello from the first build."))

        process.interrupt()
        #expect(await exited.status() == 0)
        #expect(!project.folder.exists("site"))
    }

    /// Reads until the first newline, off the cooperative pool (reads block).
    static func firstLine(of handle: FileHandle) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var bytes = Data()
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                }
                let text = String(decoding: bytes, as: UTF8.self)
                guard let line = text.split(separator: "\n").first else {
                    continuation.resume(throwing: ServeProcessEnded())
                    return
                }
                continuation.resume(returning: String(line))
            }
        }
    }
}

/// The server process ended before printing its URL.
struct ServeProcessEnded: Error {}

/// A process's exit status, awaited from a termination handler.
final class ExitWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var code: Int32?
    private var waiter: CheckedContinuation<Int32, Never>?

    func finish(_ status: Int32) {
        lock.lock()
        code = status
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(returning: status)
    }

    func status() async -> Int32 {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let code {
                lock.unlock()
                continuation.resume(returning: code)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
