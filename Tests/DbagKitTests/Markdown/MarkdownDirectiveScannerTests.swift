import Testing
@testable import DbagKit

@Suite struct MarkdownDirectiveScannerTests {
    private func directives(_ text: String) -> [Directive] {
        MarkdownPage.parse(text, file: "p.md").page.directives
    }

    @Test func findsAllThreeForms() throws {
        let found = directives("""
            # Title

            ::chart{metric=signups period=90d}
            We have :value{metric=active-users} users.
            :::grid{columns=3}
            ::stat{metric=signups}
            :::
            """)
        #expect(found.map(\.name) == ["chart", "value", "grid", "stat"])
        #expect(found.map(\.form) == [.block, .inline, .container, .block])
        let chart = try #require(found.first)
        #expect(chart.attributes.map(\.name) == ["metric", "period"])
        #expect(chart["period"] == "90d")
        #expect(chart.location == SourceLocation(file: "p.md", line: 3, column: 1))
        #expect(chart.attributes[1].location == SourceLocation(file: "p.md", line: 3, column: 24))
        #expect(found[1].location.column == 9)
        #expect(found[2].closeLocation == SourceLocation(file: "p.md", line: 7, column: 1))
    }

    @Test func blockWithoutBracesAndIndentedUpToThreeSpaces() {
        let found = directives("::chart\n   ::stat{metric=a}\n")
        #expect(found.map(\.name) == ["chart", "stat"])
        #expect(found.last?.location.column == 4)
    }

    @Test func quotedValuesAndEscapes() {
        let found = directives(#"::chart{title="It's \"big\"" key='a b' metrics="signups, revenue"}"#)
        #expect(found.first?["title"] == #"It's "big""#)
        #expect(found.first?["key"] == "a b")
        #expect(found.first?["metrics"] == "signups, revenue")
    }

    @Test func bracesInUnquotedValuesForTemplates() {
        #expect(directives("::stat{metric=comments key={customer}}").first?["key"] == "{customer}")
    }

    @Test(arguments: [
        "Time: 12:30 and 3:4{x}", "See https://example.com:8080/x{y}", "std::vector{1}",
        "a :b c", "x:value{metric=a}", #"\:value{metric=a}"#, ":Value{metric=a}", ": value{metric=a}",
    ])
    func colonsThatAreText(_ text: String) {
        let (page, diagnostics) = MarkdownPage.parse(text, file: "p.md")
        #expect(page.directives.isEmpty)
        #expect(diagnostics.isEmpty)
    }

    @Test func directivesInCodeStayLiteral() {
        let text = """
            ```
            ::chart{metric=nope}
            ```

                ::chart{metric=indented}

            Use `:value{metric=x}` or ``a ` :value{metric=y}`` here.

            <div>
            ::chart{metric=html}
            </div>
            """
        let (page, diagnostics) = MarkdownPage.parse(text, file: "p.md")
        #expect(page.directives.isEmpty)
        #expect(diagnostics.isEmpty)
        let html = MarkdownTestSupport.render(text)
        #expect(html.contains("::chart{metric=nope}"))
        #expect(html.contains("<code>:value{metric=x}</code>"))
        #expect(!html.contains("DBAGDIRECTIVE"))
    }

    @Test func unmatchedBacktickDoesNotHideDirective() {
        #expect(directives("a ` b :value{metric=a}").map(\.name) == ["value"])
        #expect(directives("`a`\n\n`` b\n\n:value{metric=a} ``").map(\.name) == ["value"])
    }

    @Test func nestedContainers() {
        let found = directives(":::grid{columns=2}\n:::grid{columns=1}\n::stat{metric=a}\n:::\n:::\n")
        #expect(found.map(\.name) == ["grid", "grid", "stat"])
        #expect(found[0].closeLocation?.line == 5)
        #expect(found[1].closeLocation?.line == 4)
    }

    @Test func columnsCountCharactersAfterEmojiTabsAndCRLF() {
        let text = "first line\r\nsecond\r\n👍🏽\té :value{metric=singups}\r\n"
        #expect(MarkdownTestSupport.errors(text) == ["3:12: unknown metric 'singups' (did you mean 'signups'?)"])
        #expect(directives(text).first?.location == SourceLocation(file: "p.md", line: 3, column: 5))
    }

    @Test func loneCarriageReturnsEndLines() {
        #expect(directives("a\rb\r::chart{metric=a}").first?.location.line == 3)
    }

    @Test(arguments: [
        ("::chart{title=\"open}", "1:15: unterminated quoted value of 'title': missing closing \""),
        ("x :value{metric=a", "1:9: '{' is never closed: add '}' after the attributes"),
        ("We have :value{metric=a logged in today.", "1:15: '{' is never closed: add '}' after the attributes"),
        ("::stat{metric=a title", "1:7: '{' is never closed: add '}' after the attributes"),
        ("::chart{metric=}", "1:9: attribute 'metric' has '=' but no value"),
        ("::chart{metric= period=7d}", "1:9: attribute 'metric' has '=' but no value"),
        ("::chart{metric=a metric=b}", "1:18: duplicate attribute 'metric'"),
        ("::chart{metric}", "1:9: attribute 'metric' needs a value: write metric=…"),
        ("::chart{=a}", "1:9: unexpected '=' in attributes: expected a name such as metric=…"),
        ("::chart{title=\"a\"b}", "1:18: expected a space or '}' after the value of 'title'"),
        ("::chart{metric=a} trailing", "1:19: unexpected text after '::chart{…}': a directive must be alone on its line"),
        ("text ::chart{metric=a}", "1:6: '::chart{…}' must be alone on its own line (or write ':chart{…}' for an inline directive)"),
        (":::", "1:1: ':::' closes no container: there is no open ':::name' before it"),
        ("a\n\n:::grid{columns=2}\n::stat{metric=a}\n", "3:1: container ':::grid' is never closed: add a line ':::' after its content"),
        ("é :value{title='ü}", "1:16: unterminated quoted value of 'title': missing closing '"),
    ])
    func syntaxErrorsAreLocated(_ text: String, _ expected: String) {
        #expect(MarkdownTestSupport.errors(text, validate: false) == [expected])
    }

    @Test func everyErrorIsCollected() {
        let text = "::chart{metric=}\n\nx :value{a=\"b}\n\n:::\n"
        #expect(MarkdownTestSupport.errors(text, validate: false).map { $0.prefix(4) } == ["1:9:", "3:12", "5:1:"])
    }

    @Test func brokenContainerStillPairsWithItsClose() {
        let text = ":::grid{columns=}\n::stat{metric=signups}\n:::\n"
        #expect(MarkdownTestSupport.errors(text) == ["1:9: attribute 'columns' has '=' but no value"])
    }

    @Test func sourceIsNormalised() {
        let found = directives(#"::chart{metric=signups  title='A "b"' key={customer}}"#)
        #expect(found.first?.source == #"::chart{metric=signups title="A \"b\"" key="{customer}"}"#)
    }

    @Test func literalBlockLinesFromCmark() {
        let lines = CommonMark.literalBlockLines("a\n\n```\nx\n```\n\n    code\n\nb\n\n~~~\nopen")
        // cmark counts the blank line after indented code as part of it: harmless.
        #expect(lines == [3...5, 7...8, 11...12])
    }

    @Test func unclosedFenceHidesTheRest() {
        #expect(directives("```\n::chart{metric=a}\n").isEmpty)
    }

    @Test(arguments: [
        ("plain text: a `span` and ~~x~~\n- list\n   three", false),
        ("```\nx", true), ("~~~", true), ("<div>", true), ("a\tb", true), (">     code", true), ("-     code", true),
    ])
    func cmarkIsSkippedOnlyWithoutLiteralBlocks(_ text: String, _ expected: Bool) {
        #expect(MarkdownPage.mayHaveLiteralBlocks(Array(text.utf8)) == expected)
    }

    @Test func indentedCodeInBlockquoteAndListStaysLiteral() {
        #expect(directives(">     ::chart{metric=a}\n\n-     :value{metric=b}\n").isEmpty)
    }
}
