import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes read from one pipe, at most `limit` of them: the start (standard output, which
/// overflows past the limit) or the end (standard error, of which the last lines matter).
final class CappedOutput {
    let limit: Int
    let keepsEnd: Bool
    private(set) var data = Data()
    /// Whether more than `limit` bytes arrived (only for a buffer that keeps the start).
    private(set) var overflowed = false
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    init(limit: Int, keepsEnd: Bool) {
        self.limit = limit
        self.keepsEnd = keepsEnd
    }

    /// One `read`; false at end of file or on an error other than EINTR/EAGAIN.
    func readOnce(_ fd: Int32) -> Bool {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN }
        if count == 0 { return false }
        append(count)
        return true
    }

    /// Reads what is in the pipe now, without waiting for writers that still hold it.
    func readAvailable(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        while !overflowed {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            append(count)
        }
    }

    private func append(_ count: Int) {
        data.append(contentsOf: chunk[0..<count])
        guard data.count > limit else { return }
        if keepsEnd {
            data = data.suffix(limit)
        } else {
            overflowed = true
            data = data.prefix(limit)
        }
    }
}
