import Testing
@testable import DbagKit

@Suite struct MarkdownFrontMatterTests {
    @Test func readsKeysAndBody() {
        let split = FrontMatter.split("---\ntitle: Sales\ndescription: Money in\norder: 2\ndraft: true\n---\n# Hi\n", file: "p.md")
        #expect(split.diagnostics.isEmpty)
        #expect(split.frontMatter == FrontMatter(title: "Sales", description: "Money in", order: 2, draft: true))
        #expect(split.body == "# Hi\n")
        #expect(split.bodyLineOffset == 6)
    }

    @Test func noFrontMatter() {
        let split = FrontMatter.split("# Hi\n---\n", file: "p.md")
        #expect(split.frontMatter == FrontMatter())
        #expect(split.body == "# Hi\n---\n")
        #expect(split.bodyLineOffset == 0)
    }

    @Test func emptyFrontMatterAndEmptyFile() {
        #expect(FrontMatter.split("---\n---\nx", file: "p.md").diagnostics.isEmpty)
        #expect(FrontMatter.split("---\n---\nx", file: "p.md").body == "x")
        #expect(FrontMatter.split("", file: "p.md").body == "")
    }

    @Test func unknownKeyIsLocatedAtItsFileLine() {
        let split = FrontMatter.split("---\ntitle: A\ntitel: B\n---\n", file: "p.md")
        #expect(split.diagnostics.map(MarkdownTestSupport.short) == ["3:1: unknown key 'titel' in front matter (did you mean 'title'?)"])
    }

    @Test func badValuesAreLocated() {
        let split = FrontMatter.split("---\r\norder: soon\r\ndraft: maybe\r\n---\r\n", file: "p.md")
        #expect(split.diagnostics.map(MarkdownTestSupport.short) == [
            "2:8: 'order' must be a number, not 'soon'",
            "3:8: 'draft' must be true or false, not 'maybe'",
        ])
    }

    @Test func malformedYAMLIsLocated() {
        let split = FrontMatter.split("---\ntitle: A\n  bad: [\n---\nbody", file: "p.md")
        #expect(split.diagnostics.count == 1)
        #expect((split.diagnostics.first?.line ?? 0) >= 3)
    }

    /// YAML 1.1 also breaks lines at NEL, LS and PS; editors and diagnostics do not.
    /// Found by FuzzFrontMatter: an unclosed quote after two NELs was reported on
    /// line 15 of a 13-line file.
    @Test func unicodeLineSeparatorsDoNotMoveErrors() {
        let split = FrontMatter.split("---\ntitle: \"a\u{85}b\u{2028}c\u{2029}d\"\ntitel: B\n---\n", file: "p.md")
        #expect(split.diagnostics.map(MarkdownTestSupport.short) == ["3:1: unknown key 'titel' in front matter (did you mean 'title'?)"])
        let unclosed = FrontMatter.split("---\ntitle: [a,\"\u{85}\u{85}x\n---\nbody\n", file: "p.md")
        #expect(unclosed.diagnostics.map(MarkdownTestSupport.short) == ["3:1: malformed YAML: while scanning a quoted scalar: found unexpected end of stream"])
    }

    @Test func unclosedFrontMatter() {
        let split = FrontMatter.split("---\ntitle: A\n", file: "p.md")
        #expect(split.diagnostics.map(MarkdownTestSupport.short) == ["1:1: front matter is not closed: add a line '---' after it"])
    }

    @Test func directiveErrorsAfterFrontMatterCountItsLines() {
        let text = "---\ntitle: A\n---\n\n::chart{metric=singups}\n"
        #expect(MarkdownTestSupport.errors(text) == ["5:9: unknown metric 'singups' (did you mean 'signups'?)"])
    }
}
