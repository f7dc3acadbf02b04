import DbagKit
import Foundation

/// `markdown`: parsing one large dashboard and pathological lines (runs of `:`,
/// backticks, unclosed braces, many attributes), each at n and 4n. The figures are
/// the large page's CPU time and the worst 4n/n CPU-time ratio: about 4 when parsing is
/// linear, 16 when quadratic; a ratio over 9 fails the run.
enum MarkdownBenchmark {
    static let mode = BenchMode(
        name: "markdown",
        summary: "a 40,000-line dashboard (small: 10,000) and 20,000-piece pathological lines parsed, each also at a quarter size",
        prepare: { _, _ in },
        run: { _, size in try run(scale: size == .small ? 1 : 4) })

    /// The inputs, by name: each makes the text for a size `n`.
    static let inputs: [(String, @Sendable (Int) -> String)] = [
        ("page", page),
        ("colons", { line(": ", $0) }), ("backticks", { line("`` ` ", $0) }), ("inline", { line(":a{b=1} ", $0) }),
        ("unclosed", { line(":a{", $0) }), ("blocks", { line("::a{b} ", $0) }), ("pairs", { line("x=1 ", $0) }),
        ("attributes", attributes),
    ]

    static func run(scale: Int) throws -> [BenchFigure] {
        var pageSeconds = 0.0, worst = 0.0, worstName = ""
        for (name, make) in inputs {
            // Lines keep their size at --small: shorter ones take too little time to compare.
            let n = name == "page" ? 2_500 * scale : 5_000
            let small = make(n), large = make(4 * n)
            let smallSeconds = best { _ = MarkdownPage.parse(small, file: "p.md") }
            let largeSeconds = best { _ = MarkdownPage.parse(large, file: "p.md") }
            if name == "page" { pageSeconds = largeSeconds }
            let ratio = largeSeconds / max(smallSeconds, 1e-6)
            if ratio > worst { (worst, worstName) = (ratio, name) }
        }
        guard worst <= 9 else { throw BenchFailure("parsing '\(worstName)' at 4× the size took \(worst)× the time: not linear") }
        return [BenchFigure("page", pageSeconds, "s"), BenchFigure("worst 4n/n time ratio", worst, "×")]
    }

    /// The smallest CPU time of this thread over five runs of `body`: what the work
    /// costs, whatever else the machine is doing.
    static func best(_ body: () -> Void) -> Double {
        (0..<5).map { _ in
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
            body()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
            return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        }.min() ?? 0
    }

    static func line(_ piece: String, _ count: Int) -> String {
        let line = String(repeating: piece, count: count)
        return line + "\n" + line
    }

    static func attributes(_ count: Int) -> String {
        let attributes = (0..<count).map { "a\($0)=1" }.joined(separator: " ")
        return "::chart{\(attributes)}\nx :value{\(attributes) a0=2}"
    }

    static func page(_ count: Int) -> String {
        (0..<count).map { i in
            switch i % 10 {
            case 0: "::chart{metric=signups period=90d title=\"Chart \(i)\"}"
            case 5: "Today we have :value{metric=active-users} users, `code :x{y}` and *emphasis* \(i)."
            case 9: ""
            default: "Some ordinary text with a colon: here, a [link](page\(i).md) and numbers 12:30."
            }
        }.joined(separator: "\n")
    }
}
