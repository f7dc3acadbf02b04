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

    @Test func expandsEnvironmentInHeaders() {
        #expect(HTTPCollector.expand("Bearer ${TOKEN}!", environment: ["TOKEN": "abc"]) == "Bearer abc!")
        #expect(HTTPCollector.expand("${NOPE}x", environment: [:]) == "x")
    }

    @Test func rejectsNonHTTPURLs() throws {
        let project = try ScratchProject()
        #expect(throws: DiagnosticList.self) {
            try project.config("metrics:\n  a:\n    collect: { http: \"ftp://x/y\" }\n")
        }
    }
}
