import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process groups of running commands, so that however dbag ends, they end too.
///
/// - SIGTERM, SIGINT and SIGHUP run a handler (`killOnTermination()`) that kills every
///   live group, then lets the signal end dbag as it would have (exit status 128 + signal).
/// - SIGKILL cannot be caught, so every command's group also holds a watcher that reads the
///   *lifeline*: a pipe whose only writer is dbag. When dbag dies in any way the kernel
///   closes it; the watcher reads end of file and kills its own group. (`PR_SET_PDEATHSIG`
///   would reach only the shell, not the processes it started, and needs `fork`.)
enum ProcessGroups {
    /// Slots for the ids of live groups; 0 is a free slot. Read by the signal handler without a lock.
    static let capacity = 1024
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()
    /// Serialises group bookkeeping, and every spawn with the pipes made for it, so that a
    /// pipe is close-on-exec before any other command can start.
    static let lock = NSLock()

    /// The read end of the lifeline, handed to each command as fd 3; nil when no pipe could be made.
    /// Made under `lock`. The write end stays open, unused, until dbag exits.
    nonisolated(unsafe) static var lifelineStorage: Int32?? = nil

    /// The lifeline's read end; call with `lock` held.
    static func lifeline() -> Int32? {
        if let made = lifelineStorage { return made }
        let made = try? ProcessPipe.make()
        lifelineStorage = .some(made?.read)
        return made?.read
    }

    /// Remembers a running command's group; call with `lock` held. When every slot is
    /// taken the group is left to its watcher.
    static func insertLocked(_ group: pid_t) {
        for index in 0..<capacity where slots[index] == 0 {
            slots[index] = group
            return
        }
    }

    /// Forgets a group once it has been killed.
    static func remove(_ group: pid_t) {
        lock.withLock {
            for index in 0..<capacity where slots[index] == group { slots[index] = 0 }
        }
    }

    /// Installs the handler for SIGTERM, SIGINT and SIGHUP that kills every live group
    /// and then ends dbag with the same signal. Call once, before commands run.
    static func killOnTermination() {
        _ = slots
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = terminationHandler
            #else
            action.__sigaction_u.__sa_handler = terminationHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
    }
}

/// Kills every live command group, then re-raises the signal: `SA_RESETHAND` restored the
/// default action, so the signal ends dbag once this handler returns. Async-signal-safe:
/// only reads the slots and calls `kill` and `raise`.
private func terminationHandler(_ signal: Int32) {
    let slots = ProcessGroups.slots
    for index in 0..<ProcessGroups.capacity where slots[index] > 0 {
        kill(-slots[index], SIGKILL)
    }
    raise(signal)
}

/// A pipe whose both ends are close-on-exec, so that no command inherits another's pipe.
struct ProcessPipe {
    var read: Int32
    var write: Int32

    /// Makes the pipe; call with `ProcessGroups.lock` held, so that no spawn sees it before
    /// its ends are close-on-exec (`pipe2` is not visible to Swift on Linux).
    static func make() throws -> ProcessPipe {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw CollectError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return ProcessPipe(read: fds[0], write: fds[1])
    }

    /// Closes both ends.
    func close() {
        _ = closeFile(read)
        _ = closeFile(write)
    }
}

/// `close(2)`, named apart from the members called `close`.
@discardableResult
func closeFile(_ fd: Int32) -> Int32 {
    fd >= 0 ? close(fd) : 0
}
