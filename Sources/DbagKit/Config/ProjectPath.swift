import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a build publishes must lie inside the project: a dashboard or theme
/// file that is a symlink to somewhere else (in CI, the runner's own files) is refused.
enum ProjectPath {
    /// The real path of a file, every symlink resolved; nil when it cannot be resolved.
    static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An error naming `shown` when the file at `path` resolves to a place outside `project`.
    static func refuseOutside(_ path: String, project: URL, shown: String) throws(Diagnostic) {
        let root = real(project.path) ?? project.standardizedFileURL.path
        guard let target = real(path) else {
            throw Diagnostic("cannot read this file: it is a broken symlink or unreadable", file: shown)
        }
        guard target != root, !target.hasPrefix(root == "/" ? "/" : root + "/") else { return }
        throw Diagnostic("this file leads outside the project (to \(target)) through a symlink; dbag publishes only files inside the project", file: shown)
    }
}
