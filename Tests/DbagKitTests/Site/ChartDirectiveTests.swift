import Foundation
import Testing
@testable import DbagKit

/// `::chart` in a built page: the x axis spans the period, two units share a chart
/// with two axes, more units become small multiples.
@Suite struct ChartDirectiveTests {
    func page(_ dashboard: String) throws -> String {
        let project = try TestProject("""
        -- dbag.yml --
        metrics:
          deploys:
            unit: { one: deploy, other: deploys }
            aggregate: sum
          seats:
            unit: seats
          build:
            format: duration
          share:
            format: percent
        -- dashboards/index.md --
        \(dashboard)
        """)
        defer { project.remove() }
        let day = try #require(Day("2025-11-20"))
        try project.store([
            StoredValue(metric: "deploys", day: day, value: 1),
            StoredValue(metric: "seats", day: day, value: 40), StoredValue(metric: "seats", day: day.advanced(by: -1), value: 42),
            StoredValue(metric: "build", day: day, value: 300), StoredValue(metric: "share", day: day, value: 0.4),
        ])
        return try #require(try project.build()["index.html"])
    }

    /// The `<text>` contents of the x axis of the widest rendering.
    static func xLabels(_ html: String) -> [String] {
        let axis = html.components(separatedBy: "class=\"axis x-axis\"").dropFirst().first?.components(separatedBy: "</g>").first ?? ""
        return axis.components(separatedBy: "<text").dropFirst().compactMap { $0.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) } }
    }

    @Test func oneValueInAYearShowsTheYearsMonths() throws {
        let html = try page("::chart{metric=deploys type=bar period=1y by=month}")
        let labels = Self.xLabels(html)
        #expect(labels.count >= 6, "\(labels)")
        #expect(labels.contains("Jan") || labels.contains("2025"))
        #expect(html.contains("chart-w860") && html.contains("chart-w300"))
        #expect(html.range(of: "chart-w860")?.lowerBound ?? html.endIndex < html.range(of: "chart-w300")?.lowerBound ?? html.startIndex)
        #expect(html.contains("last year, by month"))
    }

    @Test func twoUnitsTwoAxesMoreUnitsSmallMultiples() throws {
        let two = try page("::chart{metrics=\"deploys,seats\" period=30d}")
        #expect(two.contains("y-right") && two.contains("(right axis, seats)"))
        let four = try page("::chart{metrics=\"deploys,seats,build,share\" period=30d}")
        #expect(!four.contains("y-right"))
        #expect(four.components(separatedBy: "class=\"chart-multiple-title\"").count - 1 == 4)
        #expect(four.components(separatedBy: "<details class=\"chart-data\"").count - 1 == 1)
    }

    @Test func periodsInWeeksMonthsAndYearsAreAccepted() throws {
        for period in ["12w", "6m", "2y", "45d"] {
            #expect(try page("::chart{metric=seats period=\(period)}").contains("<svg"))
        }
    }
}
