import Testing
@testable import DbagKit

extension Charts {
    /// What the drawn SVG says: tick text, the x span, two units, small bars.
    @Suite struct ChartLayoutTests {
        /// The text of every `<text>` inside the first `<g class="…marker…">`.
        static func texts(in svg: String, group marker: String) -> [String] {
            guard let start = svg.range(of: marker) else { return [] }
            let rest = svg[start.upperBound...]
            let group = rest.prefix { $0 != "/" || true }.components(separatedBy: "</g>").first ?? ""
            return group.components(separatedBy: "<text").dropFirst().compactMap { piece in
                piece.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) }
            }
        }

        static let end = Day(year: 2026, month: 11, day: 26) ?? Day(ordinal: 0)

        @Test func oneValueInAYearByMonthSpansTheYear() throws {
            var chart = LineChart(id: "c", title: "Deploys", series: [ChartSeries(name: "Deploys", points: [DayValue(day: Self.end, value: 1)])],
                                  style: .bar, rollup: .month)
            let start = try #require(Period("365d")?.start(endingAt: Self.end))
            chart.domain = Rollup.month.bucket(of: start)...Rollup.month.bucket(of: Self.end)
            let svg = try #require(chart.svg())
            let months = Self.texts(in: svg, group: "class=\"axis x-axis\"")
            #expect(months.count >= 6, "\(months)")
            let bar = try #require(svg.components(separatedBy: "class=\"bar\"").dropFirst().first)
            let width = try #require(Double(bar.components(separatedBy: "width=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""))
            #expect(width < 640 / 12)
            let yLabels = Self.texts(in: svg, group: "class=\"axis y-axis y-left")
            #expect(!yLabels.contains { $0.contains(".") }, "\(yLabels)")
        }

        @Test func aSingleValueWithoutAPeriodIsNotAWall() throws {
            let chart = LineChart(id: "c", title: "x", series: [ChartSeries(name: "x", points: [DayValue(day: Self.end, value: 4)])], style: .bar)
            let svg = try #require(chart.svg())
            let bar = try #require(svg.components(separatedBy: "class=\"bar\"").dropFirst().first)
            let width = try #require(Double(bar.components(separatedBy: "width=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""))
            #expect(width <= 640 / 12)
        }

        @Test func differentUnitsGetASecondAxisNamedInTheLegend() throws {
            let days = (0..<30).map { Self.end.advanced(by: -$0) }
            let chart = LineChart(id: "c", title: "Two", series: [
                ChartSeries(name: "Comments", points: days.map { DayValue(day: $0, value: 14_000) },
                            formatter: ValueFormatter(unit: "comments")),
                ChartSeries(name: "Seats", points: days.enumerated().map { DayValue(day: $1, value: Double(20 + $0 % 3)) },
                            formatter: ValueFormatter(unit: "seats")),
            ], formatter: ValueFormatter(unit: "comments"))
            let svg = try #require(chart.svg())
            let right = Self.texts(in: svg, group: "class=\"axis y-axis y-right")
            #expect(!right.isEmpty)
            #expect(right.allSatisfy { Double($0) ?? 0 < 100 }, "\(right)")
            #expect(svg.contains("↑ comments") && svg.contains("seats ↑"))
            let legend = chart.legend()
            #expect(legend.contains("left axis") && legend.contains("right axis"))
            let same = LineChart(id: "c", title: "One", series: [ChartSeries(name: "a", points: [DayValue(day: Self.end, value: 1)]),
                                                                 ChartSeries(name: "b", points: [DayValue(day: Self.end, value: 2)])])
            #expect(try #require(same.svg()).contains("y-right") == false)
        }

        @Test func everyRenderingKeepsTextReadable() {
            let chart = LineChart(id: "c", title: "t", series: [ChartSeries(name: "a", points: ChartFixtures.series())])
            let html = chart.renderings()
            for width in LineChart.renderWidths {
                #expect(html.contains("viewBox=\"0 0 \(Int(width)) "))
            }
            #expect(ChartCSS.stylesheet.contains("@container (max-width:419.98px){.chart-w300{display:block}}"))
            #expect(ChartCSS.stylesheet.contains("@container (min-width:860px){.chart-w860{display:block}}"))
            #expect(LineChart.fontSize >= 12)
        }

        @Test func heatmapNoDataCellsAreHollow() {
            let heat = Heatmap(id: "h", title: "h", points: [DayValue(day: Self.end, value: 1)], end: Self.end).render()
            let empty = heat.components(separatedBy: "class=\"h0\"").dropFirst()
            #expect(!empty.isEmpty)
            #expect(empty.allSatisfy { $0.hasPrefix(" x=") && $0.contains("fill=\"none\" stroke=\"currentColor\"") })
            #expect(heat.contains("font-size=\"11\""))
        }
    }
}
