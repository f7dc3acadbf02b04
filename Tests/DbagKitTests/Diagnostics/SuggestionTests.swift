import Testing
@testable import DbagKit

@Suite struct SuggestionTests {
    @Test func suggestsTheNearestWord() {
        #expect(Suggestion.nearest(to: "colect", in: ["collect", "series", "name"]) == "collect")
        #expect(Suggestion.nearest(to: "singups", in: ["signups", "active-users"]) == "signups")
        #expect(Suggestion.nearest(to: "zzzzzz", in: ["signups"]) == nil)
        #expect(Suggestion.hint(for: "colect", in: ["collect"]) == " (did you mean 'collect'?)")
    }

    @Test func diagnosticsPrintCompilerStyle() {
        #expect(Diagnostic("bad", file: "a.md", line: 3, column: 7).description == "a.md:3:7: error: bad")
        #expect(Diagnostic("bad", file: "dbag.yml").description == "dbag.yml: error: bad")
        #expect(Diagnostic("bad").description == "error: bad")
    }
}
