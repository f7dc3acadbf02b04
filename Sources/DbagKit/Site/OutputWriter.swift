import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place the build touches the disk: writes a whole site into a fresh
/// folder beside the output, then swaps it in, so a failed or killed build
/// leaves the previous site as it was. Files may be written from several
/// threads at once; `commit()` swaps the folder in.
public final class OutputWriter: SiteSink, @unchecked Sendable {
    let target: URL
    let staging: URL
    let retired: URL
    private var madeFolders = Set<String>()
    private var paths = Set<String>()
    private let lock = NSLock()

    /// Starts a new output for `directory`; refuses the project itself or a folder that is not a site.
    public init(directory: URL, project: URL? = nil) throws {
        let fm = FileManager.default
        target = directory.standardizedFileURL
        try Self.refuseUnsafeTarget(target, project: project?.standardizedFileURL)
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(pid)")
        retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        Self.removeLeftovers(of: target)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Removes staging folders of earlier builds into `target` that were killed
    /// (their process is gone), so they never pile up beside the site.
    static func removeLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).new-", ".\(target.lastPathComponent).old-"]
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid == getpid() || kill(pid, 0) != 0 {
                try? fm.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    /// Writes `files` as the new content of `directory`, all or nothing.
    public static func write(_ files: [OutputFile], to directory: URL, project: URL? = nil) throws {
        let writer = try OutputWriter(directory: directory, project: project)
        do {
            for file in files { try writer.write(file) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Writes one file into the new output.
    public func write(_ file: OutputFile) throws {
        try Self.write(file.contents, to: try prepare(file.path), flags: O_TRUNC)
    }

    /// Adds bytes to the end of a file of the new output.
    public func append(_ bytes: [UInt8], to path: String) throws {
        try Self.write(Data(bytes), to: try prepare(path), flags: O_APPEND)
    }

    /// The absolute path of a file in the new output, its folder made.
    private func prepare(_ relative: String) throws -> String {
        guard OutputFile.isSafe(relative) else {
            throw Diagnostic("refusing to write '\(relative)': it would land outside the output folder")
        }
        let path = staging.path + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        let isNew = lock.withLock {
            paths.insert(relative)
            return madeFolders.insert(folder).inserted
        }
        if isNew, mkdir(folder, 0o755) != 0, errno != EEXIST {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        return path
    }

    /// How many files have been written so far.
    public var fileCount: Int {
        lock.withLock { paths.count }
    }

    /// Swaps the new output in. Hidden files at the top of the previous output
    /// (`.git`, `.gitkeep`, `.nojekyll`) are carried over.
    public func commit() throws {
        let fm = FileManager.default
        let hadPrevious = fm.fileExists(atPath: target.path)
        if hadPrevious { try fm.moveItem(at: target, to: retired) }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            if hadPrevious { try? fm.moveItem(at: retired, to: target) }
            throw error
        }
        guard hadPrevious else { return }
        for name in try fm.contentsOfDirectory(atPath: retired.path) where name.hasPrefix(".") {
            let destination = target.appendingPathComponent(name)
            if !fm.fileExists(atPath: destination.path) {
                try fm.moveItem(at: retired.appendingPathComponent(name), to: destination)
            }
        }
        try fm.removeItem(at: retired)
    }

    /// Throws the new output away; the previous one stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Writes bytes to a new file with plain POSIX calls (no fsync per file:
    /// the whole folder is swapped in at the end).
    static func write(_ data: Data, to path: String, flags: Int32) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o644)
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
