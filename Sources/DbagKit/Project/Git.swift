import Foundation

/// Asks git about a folder; nil when git is missing or says no.
enum Git {
    /// The trimmed output of `git -C folder arguments…`, or nil on failure.
    static func output(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The root of the work tree holding `folder`.
    static func root(of folder: URL) -> URL? {
        output(["rev-parse", "--show-toplevel"], in: folder).map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
    }

    /// Whether git tracks the file at `path` (relative to `root`).
    static func tracks(_ path: String, in root: URL) -> Bool {
        output(["ls-files", "--", path], in: root) != nil
    }
}
