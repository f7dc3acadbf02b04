import Testing
@testable import DbagKit

extension Charts {
    @Suite struct ChartRenderingTests {
        static let nasty = "<script>&\"'"

        func chart(_ style: LineChart.Style, _ series: [ChartSeries], id: String = "c1") -> LineChart {
            LineChart(id: id, title: "Sign-ups", series: series, style: style,
                      formatter: ValueFormatter(format: .number, unit: "users"), periodLabel: "last 90 days")
        }

        @Test(arguments: LineChart.Style.allCases)
        func everyStringIsEscaped(_ style: LineChart.Style) {
            let series = [ChartSeries(name: Self.nasty, points: ChartFixtures.series()),
                          ChartSeries(name: "b", points: ChartFixtures.series(offset: 5))]
            var c = chart(style, series)
            c.title = Self.nasty
            c.formatter = ValueFormatter(format: .number, unit: Self.nasty)
            let html = c.render()
            #expect(!html.contains("<script"))
            #expect(!html.contains("&\""))
            #expect(html.contains("&lt;script&gt;&amp;&quot;&#39;"))
            let spark = Sparkline(points: ChartFixtures.series(), name: Self.nasty).render()
            let heat = Heatmap(id: "h", title: Self.nasty, points: ChartFixtures.year(), end: ChartFixtures.start.advanced(by: 365)).render()
            let badge = Badge(name: Self.nasty, value: 3, points: ChartFixtures.series()).render()
            for text in [spark, heat, badge] {
                #expect(!text.contains("<script"))
                #expect(text.contains("&lt;script&gt;"))
            }
        }

        @Test(arguments: LineChart.Style.allCases)
        func noHexColoursOrScripts(_ style: LineChart.Style) {
            let html = chart(style, [ChartSeries(name: "a", points: ChartFixtures.series()),
                                     ChartSeries(name: "b", points: ChartFixtures.series(offset: 3))]).render()
            #expect(!ChartFixtures.containsHexColour(html))
            #expect(!html.contains("<script"))
            #expect(!ChartFixtures.containsHexColour(Sparkline(points: ChartFixtures.series(), name: "s").render()))
            let heat = Heatmap(id: "h", title: "h", points: ChartFixtures.year(), end: ChartFixtures.start.advanced(by: 365))
            #expect(!ChartFixtures.containsHexColour(heat.render()))
            #expect(ChartFixtures.containsHexColour(Badge(name: "b", value: 1).render()))
        }

        @Test(arguments: [LineChart.Style.line, .area, .step])
        func gapsSplitThePath(_ style: LineChart.Style) throws {
            let svg = try #require(chart(style, [ChartSeries(name: "a", points: ChartFixtures.series())]).svg())
            let line = try #require(svg.components(separatedBy: "class=\"line\" d=\"").dropFirst().first)
            let d = String(line.prefix { $0 != "\"" })
            #expect(d.filter { $0 == "M" }.count == 2)
            let whole = try #require(chart(style, [ChartSeries(name: "a", points: ChartFixtures.series(missing: 0..<0))]).svg())
            let wholeLine = try #require(whole.components(separatedBy: "class=\"line\" d=\"").dropFirst().first)
            #expect(wholeLine.prefix { $0 != "\"" }.filter { $0 == "M" }.count == 1)
        }

        @Test func weeklyGapsAreOneBucketApart() throws {
            let weeks = Rollup.week.apply(ChartFixtures.series(missing: 20..<40), aggregation: .sum)
            var c = chart(.line, [ChartSeries(name: "a", points: weeks)])
            c.rollup = .week
            let svg = try #require(c.svg())
            let line = try #require(svg.components(separatedBy: "class=\"line\" d=\"").dropFirst().first)
            #expect(line.prefix { $0 != "\"" }.filter { $0 == "M" }.count == 2)
            #expect(svg.contains("<title>week of 2024-01-01: "))
        }

        @Test func idsArePrefixedAndDistinct() {
            let series = [ChartSeries(name: "a", points: ChartFixtures.series())]
            let one = chart(.line, series, id: "signups-1").render()
            let two = chart(.bar, series, id: "signups-2").render()
            let first = ChartFixtures.ids(one), second = ChartFixtures.ids(two)
            #expect(!first.isEmpty)
            #expect(first.allSatisfy { $0.hasPrefix("signups-1") })
            #expect(second.allSatisfy { $0.hasPrefix("signups-2") })
            #expect(Set(first).isDisjoint(with: second))
            #expect(one.contains("aria-labelledby=\"signups-1-title signups-1-desc\""))
            #expect(chart(.line, series, id: "a b\"<").render().contains("id=\"a-b--\""))
        }

        @Test func emptySeriesSaySoInWords() {
            let html = chart(.line, [ChartSeries(name: "a", points: []), ChartSeries(name: "b", points: [DayValue(day: ChartFixtures.start, value: .nan)])]).render()
            #expect(html == "<p class=\"chart-empty\">No data for Sign-ups (last 90 days).</p>")
            var custom = chart(.bar, [])
            custom.emptyMessage = "Nothing <yet>"
            #expect(custom.render() == "<p class=\"chart-empty\">Nothing &lt;yet&gt;</p>")
            #expect(Sparkline(points: [], name: "x").render().contains("no data"))
        }

        @Test(arguments: [[Double]]([
            [120], [5, 5, 5, 5], [-3, -8, -1, -12], [-5, 5, -5, 5], [0, 0, 0], [1e300, -1e300, 1], [0.0001, 0.0002], [1e12, 1e12 + 1],
        ]))
        func oddValuesDrawSensibly(_ values: [Double]) {
            let points = values.enumerated().map { DayValue(day: ChartFixtures.start.advanced(by: $0.offset), value: $0.element) }
            for style in LineChart.Style.allCases {
                let html = chart(style, [ChartSeries(name: "a", points: points)]).render()
                #expect(html.contains("<svg"))
                #expect(!html.lowercased().contains("nan"))
                #expect(!html.contains("inf"))
            }
            let spark = Sparkline(points: points, name: "a", showMinMax: true).render()
            #expect((values.count == 1 ? spark.contains(">1 value<") : spark.contains("spark-last")) && !spark.lowercased().contains("nan"))
            let badge = Badge(name: "a", value: values.last, points: points).render()
            #expect(!badge.lowercased().contains("nan"))
        }

        @Test func summaryAndTooltips() throws {
            let points = [DayValue(day: ChartFixtures.start, value: 120), DayValue(day: ChartFixtures.start.advanced(by: 1), value: 98),
                          DayValue(day: ChartFixtures.start.advanced(by: 2), value: 1234)]
            let html = chart(.line, [ChartSeries(name: "a", points: points)]).render()
            #expect(html.contains("<desc id=\"c1-desc\">Sign-ups, last 90 days: from 120 users to 1,234 users, min 98 users, max 1,234 users.</desc>"))
            #expect(html.contains("<title>2024-01-03: 1,234 users</title>"))
            #expect(html.contains("<th scope=\"row\">2024-01-03</th><td>1,234</td>"))
            #expect(!html.contains("chart-legend"))
            let two = chart(.line, [ChartSeries(name: "a", points: points), ChartSeries(name: "b", points: points)]).render()
            #expect(two.contains("chart-legend") && two.contains("stroke-dasharray=\"6 3\""))
            #expect(two.contains("<title>b, 2024-01-03: 1,234 users</title>"))
        }

        @Test func heatmapBucketsAndCells() {
            let end = ChartFixtures.start.advanced(by: 365)
            let svg = Heatmap(id: "h", title: "Commits", points: ChartFixtures.year(), end: end).render()
            let cells = svg.components(separatedBy: "<rect class=\"h").count - 1
            #expect(cells == 52 * 7 + end.weekday + 1 + 5)
            #expect(svg.contains("<title>2024-01-04: no data</title>"))
            #expect(svg.contains("<rect class=\"h0\""))
            #expect(svg.contains(">Mon<") && svg.contains(">Wed<") && svg.contains(">Fri<"))
            #expect(Heatmap.bucket(0, (1, 2, 3)) == 1)
            #expect(Heatmap.bucket(9, (1, 2, 3)) == 4)
            let empty = Heatmap(id: "h", title: "x", points: [], end: end)
            #expect(empty.summary.hasSuffix("no data."))
            let emptyCells = empty.render().components(separatedBy: "<g class=\"cells\">").last?.components(separatedBy: "</g>").first ?? ""
            #expect(emptyCells.contains("h0") && !emptyCells.contains("h1"))
        }

        /// Day 8 is the only point with no neighbour (days 5–7 and 9 are missing): one dot, no more.
        /// (Determinism is proven across processes by `FixtureProjectTests` and `BuildCLITests`.)
        @Test func sparklineMarksOnlyLonePoints() {
            let points = ChartFixtures.series(20, missing: 5..<8).filter { $0.day != ChartFixtures.start.advanced(by: 9) }
            #expect(Sparkline(points: points, name: "s").render().components(separatedBy: "spark-point").count - 1 == 1)
            #expect(!Sparkline(points: ChartFixtures.series(20, missing: 0..<0), name: "s").render().contains("spark-point"))
            #expect(!ChartFixtures.containsHexColour(ChartCSS.stylesheet))
        }
    }
}
