import Foundation
import Testing
@testable import DbagKit

/// A dashboard over 5 MB, or a page with more than 5,000 directives, is a
/// located error instead of gigabytes of memory (issue 15).
@Suite struct PageLimitsTests {
    @Test func aPageOverTheDirectiveLimitNamesTheFirstDirectivePastIt() {
        let text = "# Many\n\n" + String(repeating: "::chart{metric=m}\n\n", count: 5_500) + ":value{metric=m}\n"
        let (page, errors) = MarkdownPage.parse(text, file: "dashboards/many.md")
        #expect(errors.isEmpty)
        #expect(page.validate(metrics: ["m"]).map(\.description)
            == ["dashboards/many.md:10003:1: error: page has 5,501 directives (5,500 charts, 1 value); the limit is 5,000 per page: split it into several pages"])
    }

    @Test func aPageAtTheLimitIsFine() {
        let text = String(repeating: "::stat{metric=m}\n\n", count: 5_000)
        #expect(MarkdownPage.parse(text, file: "p.md").page.validate(metrics: ["m"]).isEmpty)
    }

    @Test func aDashboardOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let project = try BuildCLITests().project()
        let line = String(repeating: "Lorem ipsum dolor sit amet. ", count: 36) + "\n\n"
        try project.write("dashboards/big.md", "# Big\n\n" + String(repeating: line, count: 6 * 1_048_576 / line.utf8.count))
        for command in ["build", "check"] {
            let run = try CLITests.dbag([command], in: project)
            #expect(run.status == 1)
            #expect(run.stderr.contains("dashboards/big.md: error: dashboard is 6.0 MB; the limit is 5 MB"))
        }
        #expect(!FileManager.default.fileExists(atPath: project.path + "/site"))
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (100_000, "100,000"), (1_234_567, "1,234,567")])
    func thousandsSeparators(_ n: Int, _ text: String) {
        #expect(PageLimits.number(n) == text)
    }
}
