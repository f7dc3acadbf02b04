import Foundation
import Testing
@testable import DbagKit

@Suite struct HTTPCollectorTests {
    @Test func valuesAtDottedPathsAndStatusErrors() async throws {
        let server = try TestHTTPServer()
        try server.serve("repo.json", #"{"stargazers_count": 1234, "data": {"items": [{"n": 1}, {"n": "2.5"}]}, "name": "dbag"}"#)
        try server.serve("plain.txt", "uptime 99.5%\n")
        let project = try ScratchProject()
        let config = try project.config("""
            metrics:
              stars:
                collect: { http: "\(server.url("repo.json"))", json: stargazers_count }
              nested:
                collect: { http: "\(server.url("repo.json"))", json: data.items.1.n, timeout: 5s, headers: { X-Token: "${HOME}" } }
              text:
                collect: { http: "\(server.url("plain.txt"))" }
              missing-field:
                collect: { http: "\(server.url("repo.json"))", json: data.itemz.0 }
              not-number:
                collect: { http: "\(server.url("repo.json"))", json: name }
              gone:
                collect: { http: "\(server.url("nope.json"))", json: a }
            """)
        #expect(try await ScratchProject.collect("stars", in: config) == [CollectedValue(value: 1234)])
        #expect(try await ScratchProject.collect("nested", in: config) == [CollectedValue(value: 2.5)])
        #expect(try await ScratchProject.collect("text", in: config) == [CollectedValue(value: 99.5)])
        let missing = await ScratchProject.errorText { try await ScratchProject.collect("missing-field", in: config) }
        #expect(missing == "no 'itemz' in 'data' (did you mean 'items'?)")
        let notNumber = await ScratchProject.errorText { try await ScratchProject.collect("not-number", in: config) }
        #expect(notNumber == "'name' is \"dbag\", not a number")
        let gone = await ScratchProject.errorText { try await ScratchProject.collect("gone", in: config) }
        #expect(gone?.contains("answered HTTP 404") == true)
    }

    /// `${NAME}` in a header is read when the collector runs; unset, it is an error located at the header.
    @Test func headersNameEnvironmentVariables() async throws {
        let server = try TestHTTPServer(program: StreamingServer.program)
        let project = try ScratchProject()
        let config = try project.config("""
            metrics:
              set:
                collect: { http: "\(server.url("echo?12"))", headers: { X-Home: "${HOME}" } }
              unset:
                collect:
                  http: "\(server.url("echo?12"))"
                  headers:
                    Authorization: "Bearer ${DBAG_TEST_UNSET_TOKEN}"
            """)
        #expect(try await ScratchProject.collect("set", in: config) == [CollectedValue(value: 12)])
        let outcome = await Collection.collect(try #require(config.metric("unset")), day: Day(ordinal: 20_000), config: config, sources: SourcePool())
        #expect(outcome.error == "environment variable DBAG_TEST_UNSET_TOKEN is not set (dbag.yml refers to it as ${DBAG_TEST_UNSET_TOKEN})")
        #expect(outcome.failure?.location == SourceLocation(file: "dbag.yml", line: 8, column: 24))
    }

    /// Configured headers reach the server as written, `${NAME}` expanded.
    @Test func headersArriveAtTheServer() async throws {
        let server = try TestHTTPServer(program: StreamingServer.program)
        let project = try ScratchProject()
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        let config = try project.config("""
            metrics:
              token:
                collect: { http: "\(server.url("headers"))", json: x-token, headers: { X-Token: "41.5", X-Home: "${HOME}" } }
              home:
                collect: { http: "\(server.url("headers"))", json: x-home, headers: { X-Token: "41.5", X-Home: "${HOME}" } }
              agent:
                collect: { http: "\(server.url("headers"))", json: user-agent }
            """)
        #expect(try await ScratchProject.collect("token", in: config) == [CollectedValue(value: 41.5)])
        let homeError = await ScratchProject.errorText { try await ScratchProject.collect("home", in: config) }
        #expect(homeError == "'x-home' is \"\(home)\", not a number")
        let agentError = await ScratchProject.errorText { try await ScratchProject.collect("agent", in: config) }
        #expect(agentError == "'user-agent' is \"dbag\", not a number")
    }

    /// `timeout:` bounds the whole request: a server that never answers, or trickles a
    /// byte a second, fails after about that long (bound generous for a loaded machine).
    @Test(arguments: ["silent", "trickle"])
    func theOverallTimeoutStopsASlowServer(_ path: String) async throws {
        let server = try TestHTTPServer(program: StreamingServer.program)
        let project = try ScratchProject()
        let config = try project.config("metrics:\n  m:\n    collect: { http: \"\(server.url(path))\", timeout: 1s }\n")
        let start = Date()
        let error = await ScratchProject.errorText { try await ScratchProject.collect("m", in: config) }
        #expect(error == "GET \(server.url(path)) timed out after 1s")
        #expect(Date().timeIntervalSince(start) < 60)
    }

    /// A value that is not a finite number is a failed collection, never another number.
    /// (One server for every case: starting one costs a shared test thread a while.)
    @Test func valuesThatAreNotNumbersFail() async throws {
        let cases = [
            ("{\"a\": true}", "a", "'a' is true, not a number"),
            ("{\"a\": [false]}", "a.0", "'a.0' is false, not a number"),
            ("{\"a\": 1e400}", "a", "did not return JSON (Number 1e400 is not representable in Swift.)"),
            ("{\"a\": \"1e400\"}", "a", "'a' is \"1e400\": the number 1e400 is out of range"),
            ("{\"a\": \"0x10\"}", "a", "'a' is \"0x10\", not a number"),
            ("-1e400 visitors", "", "the number -1e400 is out of range"),
        ]
        let server = try TestHTTPServer(program: StreamingServer.program)
        let project = try ScratchProject()
        for (body, path, message) in cases {
            let url = server.url("echo?" + (body.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            let json = path.isEmpty ? "" : ", json: \(path)"
            let config = try project.config("metrics:\n  m:\n    collect: { http: \"\(url)\"\(json) }\n")
            let error = await ScratchProject.errorText { try await ScratchProject.collect("m", in: config) }
            #expect(error?.hasSuffix(message) == true, "\(body): \(error ?? "no error")")
        }
    }

    /// Redirects are followed (over plain HTTP too).
    @Test func followsRedirects() async throws {
        let server = try TestHTTPServer(program: StreamingServer.program)
        let project = try ScratchProject()
        let config = try project.config("metrics:\n  m:\n    collect: { http: \"\(server.url("redirect/42"))\" }\n")
        #expect(try await ScratchProject.collect("m", in: config) == [CollectedValue(value: 42)])
    }

    /// A 200 MB body is refused from its Content-Length; an endless chunked one is cut at 1 MB.
    @Test func bodiesOverTheLimitFail() async throws {
        let server = try TestHTTPServer(program: StreamingServer.program)
        let project = try ScratchProject()
        for name in ["huge", "endless"] {
            let config = try project.config("metrics:\n  m:\n    collect: { http: \"\(server.url(name))\", timeout: 60s }\n")
            let error = await ScratchProject.errorText { try await ScratchProject.collect("m", in: config) }
            #expect(error == "the response of \(server.url(name)) is over 1 MB: an http collector reads one number")
        }
    }

    @Test func rejectsNonHTTPURLs() throws {
        let project = try ScratchProject()
        #expect(throws: DiagnosticList.self) {
            try project.config("metrics:\n  a:\n    collect: { http: \"ftp://x/y\" }\n")
        }
    }
}
