@testable import DbagServe
import Foundation
import Testing

/// The preview serves GET and HEAD; every other method is 405 with `Allow`.
@Suite struct ServeMethodsTests {
    @Test(arguments: ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW", "get"])
    func otherMethodsGet405WithAllow(_ method: String) async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            let answer = try await RawHTTP.exchange(port, "\(method) / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(answer.status == 405)
            #expect(answer.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func aBodyIsNotReadAsTheNextRequest() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            let body = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n"
            let answer = try await RawHTTP.exchange(port, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            #expect(answer.status == 405)
            #expect(answer.headers["connection"] == "close")
            #expect(!String(decoding: answer.body, as: UTF8.self).contains("HTTP/1.1"), "one answer, then the connection closes")
        }
    }

    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            let get = try await RawHTTP.exchange(port, "GET /assets/style.css HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            let head = try await RawHTTP.exchange(port, "HEAD /assets/style.css HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(head.status == 200)
            #expect(head.headers["content-type"] == "text/css; charset=utf-8")
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(!get.body.isEmpty)
            #expect(head.body.isEmpty)
        }
    }
}
