import Testing
@testable import DbagKit

extension Charts {
    @Suite struct ChartSnapshotTests {
        static let formatter = ValueFormatter(format: .number, unit: "users")

        @Test(arguments: LineChart.Style.allCases)
        func lineChartStyles(_ style: LineChart.Style) throws {
            let chart = LineChart(id: "signups-\(style.rawValue)", title: "Signups",
                                  series: [ChartSeries(name: "Signups", points: ChartFixtures.series())],
                                  style: style, formatter: Self.formatter, periodLabel: "last 90 days")
            assertSnapshot(try #require(chart.svg()), named: "chart-\(style.rawValue)")
        }

        @Test func multiSeriesFigure() {
            let chart = LineChart(id: "two", title: "Signups and trials",
                                  series: [ChartSeries(name: "Signups", points: ChartFixtures.series(30)),
                                           ChartSeries(name: "Trials", points: ChartFixtures.series(30, offset: 7, missing: 10..<12))],
                                  formatter: Self.formatter, periodLabel: "last 30 days")
            assertSnapshot(chart.render(), named: "chart-two-series", extension: "html")
        }

        @Test func monthlyBars() throws {
            let months = Rollup.month.apply(ChartFixtures.year(), aggregation: .sum)
            let chart = LineChart(id: "monthly", title: "Commits by month",
                                  series: [ChartSeries(name: "Commits", points: months)],
                                  style: .bar, formatter: ValueFormatter(), rollup: .month, periodLabel: "all time")
            assertSnapshot(try #require(chart.svg()), named: "chart-bar-monthly")
        }

        @Test func sparklines() {
            let points = ChartFixtures.series(30, missing: 12..<14)
            assertSnapshot(Sparkline(points: points, name: "Signups", formatter: Self.formatter, showMinMax: true).render(),
                           named: "sparkline-block")
            assertSnapshot(Sparkline(points: points, name: "Signups", size: .inline).render(), named: "sparkline-inline")
            assertSnapshot(Sparkline(points: Array(points.prefix(1)), name: "One").render(), named: "sparkline-one")
        }

        @Test func heatmap() {
            let heatmap = Heatmap(id: "commits", title: "Commits", points: ChartFixtures.year(),
                                  end: ChartFixtures.start.advanced(by: 365))
            assertSnapshot(heatmap.render(), named: "heatmap")
        }

        @Test func badge() {
            let points = ChartFixtures.series(30)
            let delta = Delta.between(points[29].value, points[22].value, format: .number, good: .up)
            let badge = Badge(name: "signups", value: points[29].value, delta: delta, points: points, formatter: Self.formatter)
            assertSnapshot(badge.render(), named: "badge")
            assertSnapshot(Badge(name: "errors", value: nil).render(), named: "badge-no-data")
        }
    }
}
