import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A command just started: its pid (also its process group id) and the ends dbag reads.
struct SpawnedCommand {
    var pid: pid_t
    var stdout: Int32
    var stderr: Int32
    /// Reaches end of file when the shell has exited (it stays unreaped until `ProcessRunner` reaps it).
    var exited: Int32
}

extension ProcessRunner {
    /// Starts `/bin/sh -c command` in `directory` as the leader of a new process group,
    /// standard input `/dev/null`, standard output and error into fresh pipes. Every pipe is
    /// made close-on-exec under `ProcessGroups.lock`, and the child gets only fds 0–2 and the
    /// lifeline as fd 3 (read by the group's watcher; the command itself does not see it).
    static func spawn(_ command: String, in directory: String) throws -> SpawnedCommand {
        try ProcessGroups.lock.withLock {
            var made: [ProcessPipe] = []
            do {
                for _ in 0..<3 { made.append(try ProcessPipe.make()) }
                let pid = try posixSpawn(command, in: directory, stdout: made[0].write, stderr: made[1].write, lifeline: ProcessGroups.lifeline())
                closeFile(made[0].write); closeFile(made[1].write)
                ProcessGroups.insertLocked(pid)
                watchExit(pid, closing: made[2].write)
                return SpawnedCommand(pid: pid, stdout: made[0].read, stderr: made[1].read, exited: made[2].read)
            } catch {
                made.forEach { $0.close() }
                throw error
            }
        }
    }

    /// A thread waits (without reaping) for the shell to exit, then closes `fd`, the write end
    /// of a pipe, so that a `poll` on its read end wakes.
    static func watchExit(_ pid: pid_t, closing fd: Int32) {
        Blocking.thread {
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
            closeFile(fd)
        }
    }

    static func posixSpawn(_ command: String, in directory: String, stdout: Int32, stderr: Int32, lifeline: Int32?) throws -> pid_t {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        if let lifeline { posix_spawn_file_actions_adddup2(&actions, lifeline, 3) }

        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        // The outer shell changes directory, starts the group's watcher (it kills the group when
        // the lifeline reaches end of file, i.e. when dbag has died), then becomes the command's
        // shell (same pid and group) without fd 3.
        let watcher = lifeline == nil ? "" : "( read _ <&3; kill -9 0 ) </dev/null >/dev/null 2>&1 & "
        let script = "cd -- \"$1\" || exit 127; \(watcher)exec /bin/sh -c \"$2\" 3<&-"
        let words: [String] = ["/bin/sh", "-c", script, "sh", directory, command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        defer { arguments.forEach { free($0) } }
        let argv = arguments + [nil]
        var pid: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { argv -> Int32 in
            guard let base = argv.baseAddress else { return EINVAL }
            return posix_spawn(&pid, "/bin/sh", &actions, &attributes, base, environ)
        }
        guard rc == 0 else { throw CollectError("cannot run /bin/sh: \(String(cString: strerror(rc)))") }
        return pid
    }
}
