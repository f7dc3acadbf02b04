import Testing
@testable import DbagKit

@Suite struct MarkdownDirectiveValidatorTests {
    @Test(arguments: [
        ("::chrt{metric=signups}", "1:1: unknown directive '::chrt' (did you mean 'chart'?)"),
        ("::zzzzzzzz", "1:1: unknown directive '::zzzzzzzz'"),
        ("Now :chart{metric=signups}", "1:5: chart is a block directive: put ::chart{…} on its own line"),
        ("::value{metric=signups}", "1:1: value is an inline directive: write :value{…} inside text"),
        (":::stat{metric=signups}\n:::", "1:1: stat is a block directive: put ::stat{…} on its own line"),
        ("::grid{columns=2}", "1:1: grid is a container: put :::grid{…} on its own line, then its content, then a line ':::'"),
        ("::chart{metric=signups perod=7d}", "1:24: unknown attribute 'perod' for ::chart (did you mean 'period'?)"),
        ("::heatmap{metric=signups zzzzzz=1}", "1:26: unknown attribute 'zzzzzz' for ::heatmap (accepted: metric, key, title)"),
        ("::stat{title=x}", "1:1: ::stat needs metric=…"),
        ("::chart{}", "1:1: ::chart needs metric=… or metrics=…"),
        ("::chart{metric=signups metrics=revenue}", "1:24: use either metric or metrics in ::chart, not both"),
        ("::chart{metric=signups period=9x}", "1:24: bad period '9x' (use a number of days, weeks, months or years such as 7d, 30d, 90d, 12w, 6m, 1y or all)"),
        ("::chart{metric=signups type=pie}", "1:24: bad type 'pie' (use line, area, bar or step)"),
        ("::chart{metric=signups by=year}", "1:24: bad by 'year' (use day, week or month)"),
        ("::chart{metric=signups compare=last}", "1:24: bad compare 'last' (use prior or year)"),
        ("::chart{metric=signups period=all compare=prior}", "1:35: compare=prior needs a period such as 30d: period=all has no earlier period"),
        ("::chart{metric=signups height=tall}", "1:24: 'height' must be a whole number from 40 to 2000, not 'tall'"),
        ("::table{metric=comments top=ten}", "1:25: 'top' must be a whole number from 1 to 10000, not 'ten'"),
        (":::grid{columns=7}\n:::", "1:9: 'columns' must be a whole number from 1 to 6, not '7'"),
        (":::grid{columns=2.5}\n:::", "1:9: 'columns' must be a whole number from 1 to 6, not '2.5'"),
        ("::stat{metric=signups compare=week}", "1:23: bad compare period 'week' (use a number of days such as 1d, 7d or 30d)"),
        ("x :delta{metric=signups over=0d}", "1:25: bad over period '0d' (use a number of days such as 1d, 7d or 30d)"),
        ("x :value{metric=signups day=2024-02-30}", "1:25: bad day '2024-02-30' (use YYYY-MM-DD)"),
        ("::chart{metric=singups}", "1:9: unknown metric 'singups' (did you mean 'signups'?)"),
        ("::chart{metrics=\"signups, revnue\"}", "1:9: unknown metric 'revnue' (did you mean 'revenue'?)"),
        ("::chart{metrics=\"signups,,revenue\"}", "1:9: empty metric name in 'metrics=\"signups,,revenue\"' (write metrics=\"a,b\")"),
    ])
    func reportsErrorAtLocation(_ text: String, _ expected: String) {
        #expect(MarkdownTestSupport.errors(text) == [expected])
    }

    @Test func validPageHasNoErrors() {
        let text = """
            ::stat{metric=signups compare=30d title="Sign-ups" key=x}
            ::chart{metrics="signups,revenue" type=area period=all by=week height=200}
            ::sparkline{metric=revenue period=365d}
            ::table{metric=comments top=10 sort=label period=7d}
            ::heatmap{metric=signups}
            :::grid{columns=3}
            Today :value{metric=signups day=2024-02-29}, :delta{metric=signups over=1d}, :spark{metric=revenue}.
            :::
            """
        #expect(MarkdownTestSupport.errors(text) == [])
    }

    @Test func collectsAllErrorsOfAPage() {
        let text = "::chart{metric=singups period=9x}\n\n::stat{}\n\nSee :chart{metric=signups}.\n"
        #expect(MarkdownTestSupport.errors(text).map { $0.prefix(4) } == ["1:9:", "1:24", "3:1:", "5:5:"])
    }

    /// The validator and the renderer read metric= and metrics= one way: a value
    /// that passes names exactly the metrics drawn, one that fails names one the renderer would not find.
    @Test(arguments: [
        ("::chart{metric=\" signups \"}", ["signups"], true),
        ("::chart{metric=\"\tsignups\"}", ["signups"], true),
        ("::chart{metrics=\" signups ,\trevenue \"}", ["signups", "revenue"], true),
        ("::chart{metric=\"signups,revenue\"}", ["signups,revenue"], false),
        ("::chart{metrics=\"signups,,revenue\"}", ["signups", "revenue"], false),
        ("::chart{metrics=\"signups, singups\"}", ["signups", "singups"], false),
    ])
    func metricAttributesReadOneWay(_ text: String, _ drawn: [String], _ valid: Bool) throws {
        let (page, _) = MarkdownPage.parse(text, file: "p.md")
        let chart = try #require(page.directives.first)
        #expect(chart.metricSlugs == drawn)
        #expect(MarkdownTestSupport.errors(text).isEmpty == valid)
    }

    @Test func defaultsComeFromTheSchema() throws {
        let (page, _) = MarkdownPage.parse("::chart{metric=signups type=bar}", file: "p.md")
        let chart = try #require(page.directives.first)
        #expect(DirectiveSchema.standard.value(of: "period", in: chart) == "90d")
        #expect(DirectiveSchema.standard.value(of: "type", in: chart) == "bar")
        #expect(DirectiveSchema.standard.value(of: "title", in: chart) == nil)
    }
}
