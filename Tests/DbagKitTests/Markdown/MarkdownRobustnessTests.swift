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

    /// The smallest CPU time of this thread over three runs of `body`: what the
    /// work costs, whatever else the machine is doing.
    static func cpuTime(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
            body()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
            best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
        }
        return best
    }

    /// Parsing `make(4n)` costs well under 16 times `make(n)`: linear, not quadratic.
    static func expectLinear(_ n: Int, _ make: (Int) -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let small = make(n), large = make(4 * n)
        let ratio = cpuTime { _ = MarkdownPage.parse(large, file: "p.md") } / max(cpuTime { _ = MarkdownPage.parse(small, file: "p.md") }, 1e-6)
        #expect(ratio < 9, "4× the input took \(ratio)× the time", sourceLocation: sourceLocation)
    }

    @Test func largePageParsesInLinearTime() {
        func page(_ count: Int) -> String {
            (0..<count).map { i in
                switch i % 10 {
                case 0: "::chart{metric=signups period=90d title=\"Chart \(i)\"}"
                case 5: "Today we have :value{metric=active-users} users, `code :x{y}` and *emphasis* \(i)."
                case 9: ""
                default: "Some ordinary text with a colon: here, a [link](page\(i).md) and numbers 12:30."
                }
            }.joined(separator: "\n")
        }
        #expect(MarkdownPage.parse(page(1_000), file: "big.md").page.directives.count == 200)
        Self.expectLinear(1_000, page)
    }

    @Test(arguments: [": ", "`` ` ", ":a{b=1} ", ":a{", "::a{b} ", "x=1 "])
    func pathologicalLinesStayLinear(_ piece: String) {
        Self.expectLinear(5_000) { count in
            let line = String(repeating: piece, count: count)
            return line + "\n" + line
        }
    }

    @Test func manyAttributesStayLinear() {
        Self.expectLinear(5_000) { count in
            let attributes = (0..<count).map { "a\($0)=1" }.joined(separator: " ")
            return "::chart{\(attributes)}\nx :value{\(attributes) a0=2}"
        }
    }
}
