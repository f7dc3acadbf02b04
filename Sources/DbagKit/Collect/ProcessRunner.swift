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
    /// Standard output, at most `ProcessRunner.outputLimit` bytes.
    public var stdout: Data
    /// The end of standard error, at most `ProcessRunner.errorLimit` bytes.
    public var stderr: Data
    /// Whether the command was killed at its timeout.
    public var timedOut: Bool
    /// Whether the command was killed for printing more than `ProcessRunner.outputLimit` bytes.
    public var outputOverLimit: Bool
}

/// Runs `/bin/sh -c COMMAND` in its own process group, and kills the whole group (the
/// shell and every child it started) when the shell exits, at the timeout, when standard
/// output passes its limit, and when dbag itself ends (see `ProcessGroups`).
///
/// The timeout bounds the whole run: dbag stops reading at the deadline, whoever still
/// holds the pipes (a `setsid` child escapes the group, not the deadline). Once the shell
/// has exited, dbag reads what is already in the pipes and returns; it never waits for
/// other holders of a pipe to close it.
public enum ProcessRunner {
    /// Standard output kept; a command printing more fails.
    public static let outputLimit = 1 << 20
    /// The limit as error messages say it: `1 MB`.
    public static let outputLimitText = "\(outputLimit >> 20) MB"
    /// The end of standard error kept, for error messages.
    static let errorLimit = 64 << 10

    /// Runs a command with `directory` as its working directory.
    public static func run(_ command: String, in directory: String, timeout: Double) async throws -> ProcessOutput {
        try await Blocking.run { try runBlocking(command, in: directory, timeout: timeout) }
    }

    /// Makes SIGTERM, SIGINT and SIGHUP kill every running command's group before dbag ends.
    public static func killGroupsOnTermination() {
        ProcessGroups.killOnTermination()
    }

    enum Ending { case exited, timedOut, overLimit, failed }

    static func runBlocking(_ command: String, in directory: String, timeout: Double) throws -> ProcessOutput {
        let deadline = Deadline(seconds: timeout)
        let child = try spawn(command, in: directory)
        let out = CappedOutput(limit: outputLimit, keepsEnd: false), err = CappedOutput(limit: errorLimit, keepsEnd: true)
        var fds = [child.stdout, child.stderr, child.exited].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var ending = Ending.failed
        while true {
            guard let wait = deadline.milliseconds() else { ending = .timedOut; break }
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for (index, buffer) in [out, err].enumerated() where fds[index].revents != 0 {
                if !buffer.readOnce(fds[index].fd) { closeFile(fds[index].fd); fds[index].fd = -1 }
            }
            if out.overflowed { ending = .overLimit; break }
            if fds[2].revents != 0 { ending = .exited; break }
        }
        kill(-child.pid, SIGKILL)
        if ending == .exited {
            // Whatever the shell wrote is in the pipes now; read it without waiting for other holders.
            for (index, buffer) in [out, err].enumerated() where fds[index].fd >= 0 { buffer.readAvailable(fds[index].fd) }
            if out.overflowed { ending = .overLimit }
        }
        for index in 0..<2 { closeFile(fds[index].fd) }
        // Wait until the watching thread has seen the (killed) shell exit, then reap it: the
        // group id stays reserved until here, so the kill above could not reach a stranger.
        var byte: UInt8 = 0
        while read(child.exited, &byte, 1) < 0 && errno == EINTR {}
        closeFile(child.exited)
        ProcessGroups.remove(child.pid)
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
        if ending == .failed { throw CollectError("cannot wait for the command: \(String(cString: strerror(errno)))") }

        let signalled = status & 0x7f
        return ProcessOutput(
            exitStatus: signalled == 0 ? (status >> 8) & 0xff : nil,
            signal: signalled == 0 ? nil : signalled,
            stdout: out.data, stderr: err.data,
            timedOut: ending == .timedOut, outputOverLimit: ending == .overLimit)
    }
}

/// A point in monotonic time `seconds` from now.
struct Deadline {
    let end: UInt64

    init(seconds: Double) {
        let nanoseconds = max(0, min(seconds, 1e9)) * 1e9
        end = DispatchTime.now().uptimeNanoseconds + UInt64(nanoseconds)
    }

    /// Milliseconds left for `poll` (at least 1), or nil once the deadline has passed.
    func milliseconds() -> Int32? {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now < end else { return nil }
        return Int32(min((end - now) / 1_000_000 + 1, 60_000))
    }
}
