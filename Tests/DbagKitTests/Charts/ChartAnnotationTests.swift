import Foundation
import Testing
@testable import DbagKit

@Suite struct ChartAnnotationTests {
    static func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }

    static func points(from start: String, count: Int, value: Double = 10) -> [DayValue] {
        (0..<count).map { DayValue(day: day(start).advanced(by: $0), value: value + Double($0)) }
    }

    @Test func eventsInTheWindowDrawARuleAndAreListedAndTabulated() throws {
        var chart = LineChart(id: "c", title: "Signups", series: [ChartSeries(name: "Signups", points: Self.points(from: "2026-01-01", count: 30))])
        chart.events = [ChartEvent(day: Self.day("2026-01-10"), label: "Deploy <v2> & \"more\""),
                        ChartEvent(day: Self.day("2025-06-01"), label: "Long ago")]
        let svg = try #require(chart.svg())
        #expect(svg.components(separatedBy: "class=\"event-rule\"").count == 2, "one rule: the other event is outside the window")
        #expect(svg.contains("class=\"event-marker\""))
        #expect(svg.contains("<title>2026-01-10: Deploy &lt;v2&gt; &amp; &quot;more&quot;</title>"))
        #expect(!svg.contains("Long ago"))
        let list = chart.eventList()
        #expect(list.contains("<time datetime=\"2026-01-10\">2026-01-10</time> Deploy &lt;v2&gt; &amp; &quot;more&quot;"))
        #expect(!list.contains("Long ago"))
        let table = chart.dataTable()
        #expect(table.contains("<th scope=\"col\">Events</th>"))
        #expect(table.contains("<th scope=\"row\">2026-01-10</th><td>19</td><td class=\"events-cell\">Deploy &lt;v2&gt;"))
        #expect(!chart.render().contains("<script") && !svg.contains("<v2>"))
    }

    @Test func withoutEventsNothingIsAdded() throws {
        let chart = LineChart(id: "c", title: "S", series: [ChartSeries(name: "S", points: Self.points(from: "2026-01-01", count: 5))])
        #expect(chart.eventList() == "")
        #expect(!chart.dataTable().contains("Events"))
        #expect(try #require(chart.svg()).contains("class=\"events\"") == false)
    }

    @Test func aTargetFarAboveTheDataIsALabelledLineInsideTheDomain() throws {
        var chart = LineChart(id: "c", title: "Seats", series: [ChartSeries(name: "Seats", points: Self.points(from: "2026-01-01", count: 30))])
        chart.targets = [ChartTarget(value: 500, label: "target 500 by 2026-12-31")]
        let svg = try #require(chart.svg())
        #expect(svg.contains("class=\"target-line\""))
        #expect(svg.contains(">target 500 by 2026-12-31</text>"))
        let layout = chart.makeLayout(chart.series.map(\.cleaned), first: Self.day("2026-01-01"), last: Self.day("2026-01-30"), width: 640, height: 240)
        #expect(layout.axes[0].scale.upper >= 500)
        let y = layout.y(500)
        #expect(y >= layout.top && y <= layout.bottom)
    }

    @Test func aComparisonIsAFaintDashedSeriesNamedInLegendAndTable() throws {
        let shift = ComparisonShift.days(30)
        let earlier = Self.points(from: "2025-12-02", count: 30, value: 5).map { DayValue(day: shift.shifted($0.day), value: $0.value) }
        let chart = LineChart(id: "c", title: "Signups", series: [
            ChartSeries(name: "Signups", points: Self.points(from: "2026-01-01", count: 30)),
            ChartSeries(name: shift.name(period: .days(30)), points: earlier, comparison: shift),
        ])
        let html = chart.render()
        #expect(html.contains("<li class=\"comparison\">"))
        #expect(html.contains("previous 30 days</li>"))
        #expect(html.contains("<g class=\"series comparison\">"))
        #expect(html.contains("stroke-dasharray=\"5 4\""))
        #expect(chart.dataTable().contains("<th scope=\"col\">previous 30 days</th>"))
        // The tooltip names the day the value was measured on, not where it is drawn.
        #expect(html.contains("<title>previous 30 days, 2025-12-02: 5</title>"))
    }

    @Test func comparisonWindows() {
        let window = Self.day("2026-03-01")...Self.day("2026-03-30")
        let prior = ComparisonShift("prior", window: window)
        #expect(prior == .days(30))
        #expect(prior?.window(window.lowerBound, window.upperBound) == Self.day("2026-01-30")...Self.day("2026-02-28"))
        let year = ComparisonShift("year", window: window)
        #expect(year?.window(window.lowerBound, window.upperBound) == Self.day("2025-03-01")...Self.day("2025-03-30"))
        #expect(ComparisonShift.year.shifted(Self.day("2024-02-29")) == Self.day("2025-02-28"))
        #expect(ComparisonShift.year.name(period: .days(90)) == "a year before")
        #expect(ComparisonShift.days(7).name(period: .weeks(1)) == "previous week")
    }

    @Test func missingDaysArePolicy() {
        let points = [DayValue(day: Self.day("2026-01-01"), value: 3), DayValue(day: Self.day("2026-01-04"), value: 5)]
        #expect(MissingPolicy.gap.fill(points) == points)
        #expect(MissingPolicy.zero.fill(points).map(\.value) == [3, 0, 0, 5])
        #expect(MissingPolicy.carry.fill(points).map(\.value) == [3, 3, 3, 5])
        #expect(MissingPolicy.carry.fill(points).map(\.day.description) == ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"])
        #expect(MissingPolicy.zero.fill([]) == [])
    }

    @Test func targetShareAndLabel() {
        let target = MetricTarget(value: 500, by: Self.day("2026-12-31"))
        #expect(target.share(of: 310) == 0.62)
        #expect(target.label(ValueFormatter(unit: "users")) == "target 500 users by 2026-12-31")
        #expect(MetricTarget(value: 0).share(of: 3) == nil)
    }
}
