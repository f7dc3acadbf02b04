import Foundation
import Testing
@testable import DbagKit

@Suite struct MarkdownRobustnessTests {
    private static let pieces = [
        ":", "::", ":::", "{", "}", "=", "\"", "'", "\\", "`", "```", "\n", "\r\n", "\r", " ", "\t", "    ",
        "chart", "value", "grid", "metric", "signups", "x", "é", "👍🏽", "---", "<div>", "\0", "#", "-", "9",
        "::chart{metric=signups}", ":value{metric=a}", ":::grid{columns=2}", "title=\"a", "DBAGDIRECTIVE", "0Z",
    ]

    @Test func garbageNeverTraps() {
        var generator = SeededRandom(state: 42)
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) { text += generator.pick(Self.pieces) }
            let (page, diagnostics) = MarkdownPage.parse(text, file: "g.md")
            let all = diagnostics + page.validate(metrics: MarkdownTestSupport.metrics)
            for diagnostic in all {
                #expect((diagnostic.line ?? 1) >= 1 && (diagnostic.column ?? 1) >= 1)
            }
            _ = page.render { DirectiveHTML("<\($0.name)>", closing: "</\($0.name)>") }
        }
    }

    /// Each edge case renders to exactly this (directives written `[name attrs]`) with
    /// exactly these errors, line:column first.
    @Test(arguments: [
        ("", "", []),
        ("\n", "", []),
        ("---", "", ["1:1: front matter is not closed: add a line '---' after it"]),
        ("---\n", "", ["1:1: front matter is not closed: add a line '---' after it"]),
        (":", "<p>:</p>\n", []),
        ("::", "<p>::</p>\n", []),
        (":::", "<p>:::</p>\n", ["1:1: ':::' closes no container: there is no open ':::name' before it"]),
        ("::a{", "<p>::a{</p>\n", ["1:4: '{' is never closed: add '}' after the attributes"]),
        (":a{", "<p>:a{</p>\n", ["1:3: '{' is never closed: add '}' after the attributes"]),
        ("`", "<p>`</p>\n", []),
        ("\r", "", []),
        ("\u{FEFF}", "", []),
        ("\u{FEFF}::chart{metric=signups}", "[chart metric=signups]\n", []),
    ] as [(String, String, [String])])
    func edgeCasesGiveExactOutput(_ text: String, _ html: String, _ errors: [String]) {
        #expect(MarkdownTestSupport.render(text) == html)
        #expect(MarkdownTestSupport.errors(text) == errors)
    }

    @Test func byteOrderMarkDoesNotShiftColumns() {
        #expect(MarkdownPage.parse("\u{FEFF}::chart{metric=signups}", file: "p.md").page.directives.first?.location.column == 1)
    }

    // How long parsing takes, and that it grows linearly, is measured by
    // `dbag-bench markdown` (a unit test that times work flakes on a busy machine).
    // Here: the same large and pathological inputs parse to what they must.

    @Test func largePageParsesCompletely() {
        let page = (0..<1_000).map { i in
            switch i % 10 {
            case 0: "::chart{metric=signups period=90d title=\"Chart \(i)\"}"
            case 5: "Today we have :value{metric=active-users} users, `code :x{y}` and *emphasis* \(i)."
            case 9: ""
            default: "Some ordinary text with a colon: here, a [link](page\(i).md) and numbers 12:30."
            }
        }.joined(separator: "\n")
        let (parsed, diagnostics) = MarkdownPage.parse(page, file: "big.md")
        #expect(diagnostics.isEmpty)
        #expect(parsed.directives.count == 200)
        #expect(parsed.directives.filter { $0.name == "chart" }.count == 100)
        #expect(parsed.directives.last?.location.line == 996)
    }

    /// 5,000 pieces on each of two lines: every `:a{b=1}` is a directive, no other piece
    /// makes one, and an unclosed brace is one error per line.
    @Test(arguments: [(": ", 0, 0), ("`` ` ", 0, 0), (":a{b=1} ", 10_000, 0), (":a{", 0, 2), ("::a{b} ", 0, 2), ("x=1 ", 0, 0)])
    func pathologicalLinesParseToTheirDirectives(_ piece: String, _ directives: Int, _ errors: Int) {
        let line = String(repeating: piece, count: 5_000)
        let (page, diagnostics) = MarkdownPage.parse(line + "\n" + line, file: "p.md")
        #expect(page.directives.count == directives)
        #expect(diagnostics.count == errors)
    }

    /// Every one of 5,000 attributes is read; a repeated one is located at its place on the line.
    @Test func manyAttributesAreAllRead() {
        let attributes = (0..<5_000).map { "a\($0)=1" }.joined(separator: " ")
        let (page, diagnostics) = MarkdownPage.parse("::chart{\(attributes)}\nx :value{\(attributes) a0=2}", file: "p.md")
        #expect(diagnostics.map(MarkdownTestSupport.short) == ["2:38900: duplicate attribute 'a0'"])
        #expect(page.directives.map(\.attributes.count) == [5_000], "the inline one, with its error, is not a directive")
    }
}
