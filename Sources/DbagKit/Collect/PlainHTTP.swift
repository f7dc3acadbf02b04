import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GET over a plain socket for `http://` URLs, reading the body as it arrives and
/// stopping at `limit` bytes (`HTTPResponseReader`) or at the deadline. URLSession on
/// Linux queues received data faster than a delegate can refuse it (a 200 MB or endless
/// body reached 1 GB of memory that way), so plain HTTP does not go through it.
enum PlainHTTP {
    /// What one request gave: the status, its headers and the body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    static func get(_ url: URL, headers: [(String, String)], deadline: Deadline, limit: Int, overLimit: CollectError) throws -> Response {
        guard let host = url.host, !host.isEmpty else { throw CollectError("no host in \(url.absoluteString)") }
        let port = url.port ?? 80
        var target = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = url.query(percentEncoded: true) { target += "?" + query }
        var request = "GET \(target) HTTP/1.1\r\nHost: \(host)\(url.port.map { ":\($0)" } ?? "")\r\n"
        request += "Connection: close\r\nAccept-Encoding: identity\r\n"
        for (name, value) in headers {
            guard !(name + value).contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw CollectError("the header \(name) holds a line break")
            }
            request += "\(name): \(value)\r\n"
        }
        request += "\r\n"

        let fd = try connect(host: host, port: port, deadline: deadline)
        defer { closeFile(fd) }
        try send(Data(request.utf8), to: fd, deadline: deadline)
        var reader = HTTPResponseReader(limit: limit, overLimit: overLimit)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while !reader.isComplete {
            try wait(fd, for: POLLIN, until: deadline)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw CollectError(String(cString: strerror(errno)))
            }
            if count == 0 {
                try reader.finish()
                break
            }
            try reader.feed(Data(chunk[0..<count]))
        }
        return Response(status: reader.status ?? 0, headers: reader.headers, body: reader.body)
    }

    /// A non-blocking TCP connection to the first address of `host` that answers before the deadline.
    static func connect(host: String, port: Int, deadline: Deadline) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else { throw CollectError("cannot find host \(host): \(String(cString: gai_strerror(rc)))") }
        defer { freeaddrinfo(first) }
        var failure = "no address"
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            next = info.pointee.ai_next
            let fd: Int32 = ProcessGroups.lock.withLock {
                let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
                if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
                return fd
            }
            guard fd >= 0 else { failure = String(cString: strerror(errno)); continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if systemConnect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
            if errno == EINPROGRESS {
                do {
                    try wait(fd, for: POLLOUT, until: deadline)
                    var error: Int32 = 0
                    var size = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
                    if error == 0 { return fd }
                    failure = String(cString: strerror(error))
                } catch {
                    closeFile(fd)
                    throw error
                }
            } else {
                failure = String(cString: strerror(errno))
            }
            closeFile(fd)
        }
        throw CollectError("cannot connect to \(host):\(port): \(failure)")
    }

    static func send(_ data: Data, to fd: Int32, deadline: Deadline) throws {
        var sent = 0
        while sent < data.count {
            try wait(fd, for: POLLOUT, until: deadline)
            let count = data.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + sent }, data.count - sent) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw CollectError(String(cString: strerror(errno)))
            }
            sent += count
        }
    }

    /// Waits until `fd` is ready for `event`; throws `Timeout` at the deadline.
    static func wait(_ fd: Int32, for event: Int32, until deadline: Deadline) throws {
        while true {
            guard let milliseconds = deadline.milliseconds() else { throw Timeout() }
            var entry = pollfd(fd: fd, events: Int16(event), revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw CollectError(String(cString: strerror(errno))) }
        }
    }

    static func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>?, _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.connect(fd, address, length)
        #else
        Darwin.connect(fd, address, length)
        #endif
    }

    /// The deadline passed.
    struct Timeout: Error {}
}
