import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP over a plain TCP socket, byte for byte as written: for requests that
/// URLSession would refuse or rewrite (traversal, huge lines, odd methods) and
/// for many held connections. Blocking calls run off the cooperative pool,
/// which the server needs.
enum RawHTTP {
    /// One answer: status, header fields (names lower-cased) and body.
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    /// Connects, sends `request` whole, reads until the server closes, parses the answer.
    static func exchange(_ port: UInt16, _ request: String, timeout: Int = 10) async throws -> Answer {
        let bytes = Array(request.utf8)
        return try await offPool {
            let fd = try connectBlocking(port, timeout: timeout)
            defer { close(fd) }
            try sendAll(fd, bytes)
            return try parse(readToEnd(fd))
        }
    }

    /// An open connection to `port` with receive and send timeouts.
    static func connectBlocking(_ port: UInt16, timeout: Int) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw RawHTTPError("socket() failed: errno \(errno)") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw RawHTTPError("cannot connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return fd
    }

    /// Sends every byte (or fails: a timeout or a reset counts as a failure).
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, flags) }
            guard count > 0 else { throw RawHTTPError("send stopped after \(sent) of \(bytes.count) bytes: errno \(errno)") }
            sent += count
        }
    }

    /// Reads until the peer closes or the receive timeout passes.
    static func readToEnd(_ fd: Int32) -> [UInt8] {
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return answer
    }

    /// Splits an answer into status, headers and body.
    static func parse(_ bytes: [UInt8]) throws -> Answer {
        let separator = Array("\r\n\r\n".utf8)
        let end = bytes.firstRange(of: separator)
        let head = String(decoding: bytes[..<(end?.lowerBound ?? bytes.endIndex)], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw RawHTTPError("no answer (status line '\(lines.first ?? "")')") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: headers, body: Array(bytes[(end?.upperBound ?? bytes.endIndex)...]))
    }

    /// A failure of the client side: no connection, or no answer in time.
    struct RawHTTPError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs blocking work on a thread of its own (not GCD's pool, which the server uses).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
