import Testing
@testable import DbagKit

@Suite struct ZZProbe {
    @Test func probe() {
        for text in ["", "\n", "---", "---\n", ":", "::", ":::", "::a{", ":a{", "`", "\r", "\u{FEFF}", "\u{FEFF}::chart{metric=signups}"] {
            let r = MarkdownTestSupport.render(text)
            let e = MarkdownTestSupport.errors(text)
            print("PROBE \(text.debugDescription) => \(r.debugDescription) ERR \(e.debugDescription)")
        }
        for piece in [": ", "`` ` ", ":a{b=1} ", ":a{", "::a{b} ", "x=1 "] {
            let line = String(repeating: piece, count: 3)
            let text = line + "\n" + line
            let (page, d) = MarkdownPage.parse(text, file: "p.md")
            print("PATH \(piece.debugDescription) dirs=\(page.directives.count) diags=\(d.count) v=\(page.validate(metrics: MarkdownTestSupport.metrics).count) R=\(MarkdownTestSupport.render(text).debugDescription)")
        }
    }
}
