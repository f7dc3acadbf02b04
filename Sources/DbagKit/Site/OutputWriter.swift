import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place the build touches the disk: writes a whole site to a fresh
/// folder beside the output, then swaps it in, so a failed or killed build
/// leaves the previous site as it was.
public enum OutputWriter {
    /// Writes `files` as the new content of `directory`. Hidden files at the top
    /// of the previous output (`.git`, `.gitkeep`, `.nojekyll`) are carried over.
    public static func write(_ files: [OutputFile], to directory: URL, project: URL? = nil) throws {
        let fm = FileManager.default
        let target = directory.standardizedFileURL
        try refuseUnsafeTarget(target, project: project?.standardizedFileURL)
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(pid)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: retired)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var made = Set<String>()
            for file in files {
                guard OutputFile.isSafe(file.path) else {
                    throw Diagnostic("refusing to write '\(file.path)': it would land outside the output folder")
                }
                let url = staging.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent().path
                if made.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try write(file.contents, to: url.path)
            }
            let hadPrevious = fm.fileExists(atPath: target.path)
            if hadPrevious { try fm.moveItem(at: target, to: retired) }
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                if hadPrevious { try? fm.moveItem(at: retired, to: target) }
                throw error
            }
            if hadPrevious {
                for name in try fm.contentsOfDirectory(atPath: retired.path) where name.hasPrefix(".") {
                    let destination = target.appendingPathComponent(name)
                    if !fm.fileExists(atPath: destination.path) {
                        try fm.moveItem(at: retired.appendingPathComponent(name), to: destination)
                    }
                }
                try fm.removeItem(at: retired)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Writes bytes to a new file with plain POSIX calls (no fsync per file:
    /// the whole folder is swapped in at the end).
    static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Diagnostic("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                guard n > 0 else { throw Diagnostic("cannot write \(path): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
    }

    /// Never replace the project itself, or a folder that is not a previous site.
    static func refuseUnsafeTarget(_ target: URL, project: URL?) throws {
        let fm = FileManager.default
        if let project, project.path.hasPrefix(target.path + "/") || project.path == target.path {
            throw Diagnostic("refusing to build into \(target.path): it holds the project itself")
        }
        guard fm.fileExists(atPath: target.path) else { return }
        let visible = try fm.contentsOfDirectory(atPath: target.path).filter { !$0.hasPrefix(".") }
        if !visible.isEmpty && !visible.contains("index.html") {
            throw Diagnostic("refusing to replace \(target.path): it is not empty and holds no index.html, so it does not look like a dbag site")
        }
    }
}
