import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished shell command left behind.
public struct ProcessOutput: Sendable {
    /// The exit status, or nil when a signal ended the command.
    public var exitStatus: Int32?
    /// The signal that ended the command, if any.
    public var signal: Int32?
    public var stdout: Data
    public var stderr: Data
    /// Whether the command was killed at its timeout.
    public var timedOut: Bool
}

/// Runs `/bin/sh -c COMMAND` in its own process group, so that at its timeout
/// the whole group (the shell and every child it started) is killed. When the
/// shell exits, whatever it left running in its group is killed too: a metric
/// command must not leave processes behind.
public enum ProcessRunner {
    /// Output kept per stream; the rest is read and dropped.
    static let outputLimit = 1 << 20

    /// Runs a command with `directory` as its working directory.
    public static func run(_ command: String, in directory: String, timeout: Double) async throws -> ProcessOutput {
        try await Blocking.run { try runBlocking(command, in: directory, timeout: timeout) }
    }

    static func runBlocking(_ command: String, in directory: String, timeout: Double) throws -> ProcessOutput {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw CollectError("cannot create a pipe: \(errnoText())") }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw CollectError("cannot create a pipe: \(errnoText())")
        }
        let pid: pid_t
        do {
            pid = try spawn(command, in: directory, stdout: outPipe, stderr: errPipe)
        } catch {
            outPipe.forEach { close($0) }; errPipe.forEach { close($0) }
            throw error
        }
        close(outPipe[1]); close(errPipe[1])

        let readers = DispatchGroup()
        let out = OutputBuffer(), err = OutputBuffer()
        for (fd, buffer) in [(outPipe[0], out), (errPipe[0], err)] {
            readers.enter()
            Blocking.thread {
                buffer.drain(fd)
                readers.leave()
            }
        }
        let timedOut = Flag()
        let killer = DispatchWorkItem {
            timedOut.set()
            kill(-pid, SIGKILL)
        }
        Blocking.after(timeout, killer)

        // Wait for the shell to exit without reaping it, so its pid (the group id) stays ours
        // while the rest of the group is killed.
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        killer.cancel()
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        readers.wait()

        let signalled = status & 0x7f
        return ProcessOutput(
            exitStatus: signalled == 0 ? (status >> 8) & 0xff : nil,
            signal: signalled == 0 ? nil : signalled,
            stdout: out.data, stderr: err.data,
            timedOut: timedOut.isSet && signalled == SIGKILL)
    }

    /// Starts `/bin/sh -c command` as the leader of a new process group.
    static func spawn(_ command: String, in directory: String, stdout: [Int32], stderr: [Int32]) throws -> pid_t {
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
        posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
        for fd in stdout + stderr { posix_spawn_file_actions_addclose(&actions, fd) }

        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        // The outer shell changes directory, then becomes the command's shell (same pid and group).
        let script = "cd -- \"$1\" || exit 127; exec /bin/sh -c \"$2\""
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

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// Bytes read from one pipe, up to `ProcessRunner.outputLimit`.
private final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()

    var data: Data { lock.withLock { bytes } }

    /// Reads `fd` until end of file, then closes it.
    func drain(_ fd: Int32) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            lock.withLock {
                if bytes.count < ProcessRunner.outputLimit { bytes.append(contentsOf: chunk[0..<min(n, ProcessRunner.outputLimit - bytes.count)]) }
            }
        }
        close(fd)
    }
}

/// A boolean set once from any thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
