import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place the build touches the disk: writes a whole site into a fresh
/// folder beside the output, then swaps it in at once, so a failed or killed
/// build leaves the previous site as it was. Files dbag did not write (those
/// not in the output's `.dbag-manifest`) are kept; a build that would write
/// over one stops instead. Files may be written from several threads at once.
public final class OutputWriter: SiteSink, @unchecked Sendable {
    let target: URL
    let staging: URL
    let retired: URL
    private var madeFolders = Set<String>()
    private var paths = Set<String>()
    private let lock = NSLock()

    /// Starts a new output for `directory`; refuses the project itself or a folder holding it.
    public init(directory: URL, project: URL? = nil) throws {
        target = directory.standardizedFileURL.resolvingSymlinksInPath()
        try Self.refuseUnsafeTarget(target, project: project?.standardizedFileURL.resolvingSymlinksInPath())
        let parent = target.deletingLastPathComponent()
        try Self.makeFolder(parent)
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(pid)")
        retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        Self.removeLeftovers(of: target)
        try Self.makeFolder(staging)
    }

    /// Makes a folder and its parents; a failure is a diagnostic naming the folder.
    static func makeFolder(_ url: URL) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic("cannot create the folder \(displayPath(url.path)): \((error as NSError).localizedDescription)")
        }
    }

    /// Removes staging folders of earlier builds into `target` that were killed
    /// (their process is gone), so they never pile up beside the site. A previous
    /// site left aside by a killed two-step swap is put back first.
    static func removeLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).new-", ".\(target.lastPathComponent).old-"]
        for name in ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted() {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            guard pid == getpid() || kill(pid, 0) != 0 else { continue }
            let path = parent.appendingPathComponent(name).path
            if prefix.hasSuffix(".old-"), access(target.path, F_OK) != 0, rename(path, target.path) == 0 { continue }
            try? fm.removeItem(atPath: path)
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
        try Self.write(file.contents, to: try prepare(file.path), flags: O_TRUNC, naming: display(file.path))
    }

    /// Adds bytes to the end of a file of the new output.
    public func append(_ bytes: [UInt8], to path: String) throws {
        try Self.write(Data(bytes), to: try prepare(path), flags: O_APPEND, naming: display(path))
    }

    /// The absolute path of a file in the new output, its folder made.
    private func prepare(_ relative: String) throws -> String {
        guard OutputFile.isSafe(relative), relative != OutputManifest.name else {
            throw Diagnostic("refusing to write '\(relative)': it would land outside the output folder")
        }
        let path = staging.path + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        let isNew = lock.withLock {
            paths.insert(relative)
            return madeFolders.insert(folder).inserted
        }
        if isNew, mkdir(folder, 0o755) != 0, errno != EEXIST {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic("cannot write \(display(relative)): \(String(cString: strerror(errno)))")
            }
        }
        return path
    }

    /// A path of the output as the user knows it.
    private func display(_ relative: String) -> String {
        Self.displayPath(relative.isEmpty ? target.path : target.path + "/" + relative)
    }

    /// A path relative to the working directory when it lies below it.
    static func displayPath(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }

    /// How many files have been written so far.
    public var fileCount: Int {
        lock.withLock { paths.count }
    }

    /// Swaps the new output in. Every file of the previous output that dbag did
    /// not write is kept (hidden ones such as `.git` and `.nojekyll` too); when
    /// the new output would replace one, nothing changes and every such file is
    /// reported.
    public func commit() throws {
        let written = lock.withLock { paths }
        if access(target.path, F_OK) == 0 {
            var info = stat()
            guard stat(target.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw Diagnostic("refusing to build into \(display("")): it is not a folder")
            }
            let owned = OutputManifest.read(in: target.path).paths
            let carry = try OutputCarryOver.plan(previous: target.path, owned: owned, written: written)
            guard carry.conflicts.isEmpty else { throw conflicts(carry.conflicts) }
            try carry.apply(from: target.path, into: staging.path)
        }
        try Self.write(Data(OutputManifest(paths: written).text.utf8), to: staging.path + "/" + OutputManifest.name,
                       flags: O_TRUNC, naming: display(OutputManifest.name))
        if let previous = try FolderSwap.swap(staging.path, into: target.path, retired: retired.path) {
            try? FileManager.default.removeItem(atPath: previous)
        }
    }

    private func conflicts(_ paths: [String]) -> DiagnosticList {
        let manifest = display(OutputManifest.name)
        return DiagnosticList(paths.map { path in
            Diagnostic("dbag did not write this file (\(manifest) does not list it) and the build would replace it; "
                       + "nothing was changed: move it away, or build into another folder with --out", file: display(path))
        })
    }

    /// Throws the new output away; the previous one stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Writes bytes to a new file with plain POSIX calls (no fsync per file:
    /// the whole folder is swapped in at the end); errors name the file as `name`.
    static func write(_ data: Data, to path: String, flags: Int32, naming name: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o644)
        guard fd >= 0 else { throw Diagnostic("cannot write \(name): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                #if canImport(Glibc)
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                #else
                let n = Darwin.write(fd, base + offset, buffer.count - offset)
                #endif
                guard n > 0 else { throw Diagnostic("cannot write \(name): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
    }

    /// Never build into the project itself or a folder that holds it.
    static func refuseUnsafeTarget(_ target: URL, project: URL?) throws {
        if let project, project.path.hasPrefix(target.path + "/") || project.path == target.path {
            throw Diagnostic("refusing to build into \(target.path): it holds the project itself")
        }
    }
}
