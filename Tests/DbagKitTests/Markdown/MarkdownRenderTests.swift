import Testing
@testable import DbagKit

@Suite struct MarkdownRenderTests {
    @Test func substitutesPlaceholdersExactly() {
        let text = """
            # Sales

            Intro with :value{metric=signups} inline.
            ::chart{metric=signups}
            :::grid{columns=2}
            ::stat{metric=a}
            ::stat{metric=b}
            :::
            The end.
            """
        #expect(MarkdownTestSupport.render(text) == """
            <h1>Sales</h1>
            <p>Intro with [value metric=signups] inline.</p>
            [chart metric=signups]
            <grid>
            [stat metric=a]
            [stat metric=b]
            </grid>
            <p>The end.</p>

            """)
    }

    @Test func resolverIsCalledOncePerDirective() {
        let (page, _) = MarkdownPage.parse(":::grid\n::stat{metric=a}\n:::\n", file: "p.md")
        var calls: [String] = []
        let html = page.render { directive in
            calls.append(directive.name)
            return DirectiveHTML("<div class=\"grid\" style=\"--columns:3\">", closing: "</div>")
        }
        #expect(calls == ["grid", "stat"])
        #expect(html.hasPrefix("<div class=\"grid\" style=\"--columns:3\">\n"))
        #expect(html.hasSuffix("</div>\n"))
    }

    @Test func smartPunctuationLeavesAttributesAlone() {
        let text = #"He said "hi" -- :value{metric=signups title="It's \"big\""}"#
        let (page, _) = MarkdownPage.parse(text, file: "p.md")
        #expect(page.directives.first?["title"] == #"It's "big""#)
        let html = page.render { $0["title"].map { DirectiveHTML(HTML.escape($0)) } ?? "" }
        #expect(html == "<p>He said “hi” – It&#39;s &quot;big&quot;</p>\n")
    }

    @Test func inlineTokenNextToLettersAndInHeadings() {
        #expect(MarkdownTestSupport.render("## :value{metric=a}x") == "<h2>[value metric=a]x</h2>\n")
        #expect(MarkdownTestSupport.render("- item\n\n  ::chart{metric=a}\n") == "<ul>\n<li>\n<p>item</p>\n[chart metric=a]\n</li>\n</ul>\n")
        #expect(MarkdownTestSupport.errors("- ::chart{metric=a}").count == 1)
    }

    /// Text in any script around tokens, and directive HTML that is not ASCII, arrive whole.
    @Test func textAroundTokensKeepsEveryCharacter() {
        let (page, _) = MarkdownPage.parse("Zürich → :value{metric=a}✓ 東京\n\n::chart{metric=b}\n\nÉnd é\u{301}", file: "p.md")
        let html = page.render { DirectiveHTML($0.name == "value" ? "«1 234 €»" : "<figure>📈</figure>") }
        #expect(html == "<p>Zürich → «1 234 €»✓ 東京</p>\n<figure>📈</figure>\n<p>Énd é\u{301}</p>\n")
    }

    @Test func tokenPrefixAvoidsPageText() {
        let html = MarkdownTestSupport.render("DBAGDIRECTIVE0Z and :value{metric=a}")
        #expect(html == "<p>DBAGDIRECTIVE0Z and [value metric=a]</p>\n")
    }

    @Test func rendersRewrittenLinks() {
        let html = MarkdownTestSupport.render("[a](details.md) [b](sub/page.md#x) [c](https://x.org/y.md)")
        #expect(html == "<p><a href=\"details/index.html\">a</a> <a href=\"sub/page/index.html#x\">b</a> <a href=\"https://x.org/y.md\">c</a></p>\n")
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let text = "<script>alert(1)</script>\n\nHi <b>there</b>"
        #expect(MarkdownTestSupport.render(text) == "<!-- raw HTML omitted -->\n<p>Hi <!-- raw HTML omitted -->there<!-- raw HTML omitted --></p>\n")
        #expect(MarkdownTestSupport.render(text, unsafeHTML: true) == "<script>alert(1)</script>\n<p>Hi <b>there</b></p>\n")
    }

    @Test func frontMatterIsNotRendered() {
        let (page, diagnostics) = MarkdownPage.parse("---\r\ntitle: T\r\n---\r\nBody\r\n", file: "p.md")
        #expect(diagnostics.isEmpty)
        #expect(page.frontMatter.title == "T")
        #expect(page.render { _ in "" } == "<p>Body</p>\n")
    }
}
