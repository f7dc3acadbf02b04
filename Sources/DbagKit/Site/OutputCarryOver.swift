import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build does with the files already in its output folder: dbag's own
/// files (those in the manifest) are replaced or dropped; every other file is
/// kept, hard-linked into the new output before it is swapped in; and a file
/// the build would write over that dbag did not write is a conflict.
struct OutputCarryOver {
    /// A folder to make (with its permissions) or a file to link, by relative path.
    enum Entry: Equatable {
        case folder(String, mode_t)
        case file(String)
    }

    var entries: [Entry] = []
    /// Paths the build would replace although dbag did not write them.
    var conflicts: [String] = []

    /// Walks the previous output `root` (never following symlinks) against the
    /// manifest's paths (`owned`) and the paths this build wrote.
    static func plan(previous root: String, owned: Set<String>, written: Set<String>) throws -> OutputCarryOver {
        var folders = Set<String>()
        for path in written {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        var plan = OutputCarryOver()
        try plan.walk(root: root, relative: "", owned: owned, written: written, folders: folders)
        return plan
    }

    /// Plans one folder; returns whether anything in it is kept (an empty folder is kept too).
    @discardableResult
    private mutating func walk(root: String, relative: String, owned: Set<String>, written: Set<String>, folders: Set<String>) throws -> Bool {
        let names = try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? root : root + "/" + relative).sorted()
        var keeps = names.isEmpty
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            if path == OutputManifest.name { continue }
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if written.contains(path) {
                    conflicts.append(path)
                    continue
                }
                let mark = entries.count
                if !folders.contains(path) { entries.append(.folder(path, info.st_mode & 0o7777)) }
                if try walk(root: root, relative: path, owned: owned, written: written, folders: folders) {
                    keeps = true
                } else {
                    entries.removeSubrange(mark...)
                }
            } else if written.contains(path) || folders.contains(path) {
                if !owned.contains(path) { conflicts.append(path) }
            } else if !owned.contains(path) {
                entries.append(.file(path))
                keeps = true
            }
        }
        return keeps
    }

    /// Makes the kept folders and hard-links the kept files from `root` into `staging`.
    func apply(from root: String, into staging: String) throws {
        for entry in entries {
            switch entry {
            case .folder(let path, let mode):
                if mkdir(staging + "/" + path, mode) != 0, errno != EEXIST {
                    throw Diagnostic("cannot keep the folder \(root)/\(path): \(String(cString: strerror(errno)))")
                }
            case .file(let path):
                if linkat(AT_FDCWD, root + "/" + path, AT_FDCWD, staging + "/" + path, 0) != 0 {
                    throw Diagnostic("cannot keep \(root)/\(path): \(String(cString: strerror(errno)))")
                }
            }
        }
    }
}
