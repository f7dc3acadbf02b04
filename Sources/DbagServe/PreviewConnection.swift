import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection: reads request heads with ``HTTPHeadReader`` (linear,
/// bounded), answers each through ``PreviewHandler``, keeps the connection
/// open between requests when the client asks, and closes it on a refusal,
/// a request body, an idle or slow client, or cancellation.
struct PreviewConnection: Sendable {
    let socket: AsyncSocket
    let handler: PreviewHandler

    /// How long a client may take to send a whole head (also the keep-alive idle time).
    static let headTimeout = 30.0
    /// How long writing one answer may take.
    static let writeTimeout = 30.0
    /// After a refusal, what the client still sends is read and dropped (up to
    /// this many bytes, while it keeps coming), so that closing does not reset
    /// the connection before the client has read the answer (nginx's lingering close).
    static let lingerBytes = 8 * 1024 * 1024
    static let lingerIdle = 2.0
    static let lingerTotal = 10.0

    func run() async {
        defer { try? socket.close() }
        var reader = HTTPHeadReader()
        while true {
            let head: HTTPRequestHead
            do {
                (head, reader) = try await Deadline.run(seconds: Self.headTimeout) { [socket, reader] in
                    try await Self.readHead(from: socket, reader)
                }
            } catch let refusal as HTTPRefusal {
                let answer = PreviewResponse.text(refusal.message, status: refusal.status)
                try? await send(answer.wire(omitBody: false, keepAlive: false))
                await linger()
                return
            } catch {
                return
            }
            let response = await handler.respond(to: head)
            let keepAlive = head.keepsAlive && !head.hasBody && !Task.isCancelled
            do {
                try await send(response.wire(omitBody: head.method == "HEAD", keepAlive: keepAlive))
            } catch {
                return
            }
            guard keepAlive else {
                if head.hasBody { await linger() }
                return
            }
        }
    }

    /// Reads until `reader` holds a whole head; returns it with the reader (leftover bytes kept).
    static func readHead(from socket: AsyncSocket, _ start: HTTPHeadReader) async throws -> (HTTPRequestHead, HTTPHeadReader) {
        var reader = start
        while true {
            if let head = try reader.next() { return (head, reader) }
            reader.append(try await socket.read(atMost: 16 * 1024))
        }
    }

    private func send(_ data: Data) async throws {
        try await Deadline.run(seconds: Self.writeTimeout) { [socket] in try await socket.write(data) }
    }

    /// Half-closes the connection and drops what the client still sends, within bounds.
    private func linger() async {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        let started = ContinuousClock.now
        var dropped = 0
        while dropped < Self.lingerBytes, ContinuousClock.now - started < .seconds(Self.lingerTotal) {
            guard let count = try? await Deadline.run(seconds: Self.lingerIdle, { [socket] in try await socket.read(atMost: 64 * 1024).count })
            else { return }
            dropped += count
        }
    }
}
