import Foundation
import Testing
@testable import DbagKit

@Suite struct MarkdownRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    private static let pieces = [
        ":", "::", ":::", "{", "}", "=", "\"", "'", "\\", "`", "```", "\n", "\r\n", "\r", " ", "\t", "    ",
        "chart", "value", "grid", "metric", "signups", "x", "é", "👍🏽", "---", "<div>", "\0", "#", "-", "9",
        "::chart{metric=signups}", ":value{metric=a}", ":::grid{columns=2}", "title=\"a", "DBAGDIRECTIVE", "0Z",
    ]

    @Test func garbageNeverTraps() {
        var generator = Generator(state: 42)
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

    @Test(arguments: ["", "\n", "---", "---\n", ":", "::", ":::", "::a{", ":a{", "`", "\r", "\u{FEFF}", "\u{FEFF}::chart{metric=signups}"])
    func edgeCasesNeverTrap(_ text: String) {
        let (page, _) = MarkdownPage.parse(text, file: "e.md")
        _ = page.validate(metrics: [])
        _ = page.render { _ in "" }
    }

    @Test func byteOrderMarkDoesNotShiftColumns() {
        #expect(MarkdownPage.parse("\u{FEFF}::chart{metric=signups}", file: "p.md").page.directives.first?.location.column == 1)
    }

    @Test func largePageParsesQuickly() {
        var lines: [String] = []
        for i in 0..<1_000 {
            switch i % 10 {
            case 0: lines.append("::chart{metric=signups period=90d title=\"Chart \(i)\"}")
            case 5: lines.append("Today we have :value{metric=active-users} users, `code :x{y}` and *emphasis* \(i).")
            case 9: lines.append("")
            default: lines.append("Some ordinary text with a colon: here, a [link](page\(i).md) and numbers 12:30.")
            }
        }
        let text = lines.joined(separator: "\n")
        let clock = ContinuousClock()
        var best = Duration.seconds(1)
        var count = 0
        for _ in 0..<5 {
            let elapsed = clock.measure {
                let (page, _) = MarkdownPage.parse(text, file: "big.md")
                count = page.directives.count
            }
            best = min(best, elapsed)
        }
        #expect(count == 200)
        // Generous bound for debug builds on a busy machine; release parsing is far faster.
        #expect(best < .milliseconds(50))
    }

    @Test(arguments: [": ", "`` ` ", ":a{b=1} ", ":a{", "::a{b} ", "x=1 "])
    func pathologicalLinesStayLinear(_ piece: String) {
        let line = String(repeating: piece, count: 20_000)
        let elapsed = ContinuousClock().measure {
            _ = MarkdownPage.parse(line + "\n" + line, file: "p.md")
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func manyAttributesStayLinear() {
        let attributes = (0..<20_000).map { "a\($0)=1" }.joined(separator: " ")
        let elapsed = ContinuousClock().measure {
            _ = MarkdownPage.parse("::chart{\(attributes)}\nx :value{\(attributes) a0=2}", file: "p.md")
        }
        #expect(elapsed < .seconds(2))
    }
}
