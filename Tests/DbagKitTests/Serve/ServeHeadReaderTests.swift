@testable import DbagServe
import Testing

/// ``HTTPHeadReader`` alone: bytes in, heads or refusals out.
@Suite struct ServeHeadReaderTests {
    @Test func readsAHeadSentOneByteAtATime() throws {
        var reader = HTTPHeadReader()
        var heads: [HTTPRequestHead] = []
        for byte in "GET /a?since=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8 {
            reader.append([byte])
            if let head = try reader.next() { heads.append(head) }
        }
        #expect(heads == [HTTPRequestHead(method: "GET", target: "/a?since=3", version: "HTTP/1.1",
                                          headers: [("host", "x"), ("connection", "close")])])
        #expect(heads.first?.path == "/a")
        #expect(heads.first?.query("since") == "3")
        #expect(heads.first?.keepsAlive == false)
    }

    @Test func keepsPipelinedRequestsApart() throws {
        var reader = HTTPHeadReader()
        reader.append(Array("\r\nGET /one HTTP/1.1\r\n\r\nHEAD /two HTTP/1.0\nHost: y\n\nGET".utf8))
        #expect(try reader.next()?.target == "/one")
        let second = try #require(try reader.next())
        #expect(second.method == "HEAD" && second.header("HOST") == "y" && !second.keepsAlive)
        #expect(try reader.next() == nil)
        #expect(reader.buffer == Array("GET".utf8))
    }

    @Test func refusesARequestLineOver8KBBeforeItEnds() throws {
        var reader = HTTPHeadReader()
        reader.append(Array(("GET /" + String(repeating: "a", count: HTTPHeadReader.maxRequestLine)).utf8))
        #expect(throws: HTTPRefusal.uriTooLong) { try reader.next() }
        var exact = HTTPHeadReader()
        let path = "/" + String(repeating: "b", count: HTTPHeadReader.maxRequestLine - "GET  HTTP/1.1\r".count - 1)
        exact.append(Array("GET \(path) HTTP/1.1\r\n\r\n".utf8))
        #expect(try exact.next()?.target == path)
    }

    @Test func refusesHeadersOver64KB() throws {
        var reader = HTTPHeadReader()
        reader.append(Array("GET / HTTP/1.1\r\n".utf8))
        #expect(try reader.next() == nil)
        for _ in 0..<70 {
            reader.append(Array(("X-Filler: " + String(repeating: "z", count: 1000) + "\r\n").utf8))
        }
        #expect(throws: HTTPRefusal.headersTooLarge) { try reader.next() }
    }

    @Test(arguments: ["GET /\r\n\r\n", "GET / HTTP/2.0\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nBad Header: x\r\n\r\n",
                      "GET / HTTP/1.1\r\nno colon\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n"])
    func refusesMalformedHeads(_ text: String) {
        var reader = HTTPHeadReader()
        reader.append(Array(text.utf8))
        #expect(throws: HTTPRefusal.badRequest) { try reader.next() }
    }
}
