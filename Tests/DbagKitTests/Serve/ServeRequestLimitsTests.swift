@testable import DbagServe
import Foundation
import Testing

/// A request no server should take long over: the head is bounded (8 KB
/// request line, 64 KB of headers) and read in one pass, so a huge one is
/// refused at once and the server keeps answering.
@Suite struct ServeRequestLimitsTests {
    @Test func aMegabyteRequestLineOrHeaderIsRefusedAndTheServerStaysResponsive() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            let megabyte = String(repeating: "a", count: 1 << 20)
            // Both are sent whole and answered before GET / is timed.
            async let line = RawHTTP.exchange(port, "GET /\(megabyte) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            async let header = RawHTTP.exchange(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(megabyte)\r\n\r\n")
            let (refusedLine, refusedHeader) = try await (line, header)
            #expect(refusedLine.status == 414)
            #expect(refusedLine.headers["connection"] == "close")
            #expect(refusedHeader.status == 431)

            let started = Date()
            let home = try await RawHTTP.exchange(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let seconds = Date().timeIntervalSince(started)
            #expect(home.status == 200)
            // Generous: it proves the server answers at all, not how fast (a loaded CI box).
            #expect(seconds < 30, "GET / took \(seconds) s after the long requests")
        }
    }

    @Test func aKeptAliveConnectionAnswersPipelinedRequestsInOrder() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            let answer = try await RawHTTP.exchange(port, "GET /assets/style.css HTTP/1.1\r\nHost: a\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(answer.status == 200)
            let text = String(decoding: answer.body, as: UTF8.self)
            #expect(text.contains("HTTP/1.1 404 Not Found\r\n"), "the second answer follows the first")
        }
    }
}
