import CFolderSwap
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a finished output folder in place of the previous one in one step, so
/// that at every instant the output is whole: the old site or the new one.
enum FolderSwap {
    /// Moves `staging` to `target`. A previous output is exchanged with it
    /// atomically (`renameat2` with `RENAME_EXCHANGE`, `renamex_np` with
    /// `RENAME_SWAP` on macOS) and is then at `staging`. Returns the folder that
    /// holds the previous output, for the caller to remove, or nil when there was none.
    /// On a file system that cannot exchange, the previous output is renamed to `retired` first.
    static func swap(_ staging: String, into target: String, retired: String) throws -> String? {
        if dbag_rename_new(staging, target) == 0 { return nil }
        if errno == EINVAL, access(target, F_OK) != 0 {
            guard rename(staging, target) == 0 else { throw failure("cannot move the new site to \(target)") }
            return nil
        }
        guard errno == EEXIST || errno == ENOTEMPTY || errno == EINVAL else { throw failure("cannot move the new site to \(target)") }
        if dbag_exchange(staging, target) == 0 { return staging }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw failure("cannot swap the new site into \(target)") }
        guard rename(target, retired) == 0 else { throw failure("cannot move the previous site aside") }
        guard rename(staging, target) == 0 else {
            let error = failure("cannot move the new site to \(target)")
            _ = rename(retired, target)
            throw error
        }
        return retired
    }

    static func failure(_ what: String) -> Diagnostic {
        Diagnostic("\(what): \(String(cString: strerror(errno)))")
    }
}
