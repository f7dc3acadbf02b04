import Foundation
import Testing
@testable import DbagKit

/// The newest day of a metric is kept with its series, however they change.
@Suite struct NewestDayTests {
    let start = Day(ordinal: 20_000)

    @Test func newestOfEveryKeyFollowsTheSeries() {
        var data = SiteData(series: ["m": ["a": [DayValue(day: start, value: 1)], "b": [DayValue(day: start.advanced(by: 3), value: 2)]],
                                     "empty": ["a": []]])
        #expect(data.newestDay("m") == start.advanced(by: 3))
        #expect(data.newestDay("empty") == nil)
        #expect(data.newestDay("unknown") == nil)
        data.series["m"]?["a"]?.append(DayValue(day: start.advanced(by: 9), value: 3))
        #expect(data.newestDay("m") == start.advanced(by: 9))
        data.series["m"] = nil
        #expect(data.newestDay("m") == nil)
        data.series["n", default: [:]][""] = [DayValue(day: start, value: 1)]
        #expect(data.newestDay("n") == start)
    }

    @Test func aStatOnEveryObjectPageJudgesTheMetricByItsNewestDay() throws {
        let project = try TestProject("""
            -- dbag.yml --
            metrics:
              comments: { per: customer, stale_after: 2d }
            -- dashboards/customers/[customer].md --
            ::stat{metric=comments}
            """)
        defer { project.remove() }
        // One object is current: the metric is not stale on any object's page.
        try project.store(daily("comments", key: "acme", end: "2025-11-24") + daily("comments", key: "old", end: "2025-10-01"))
        let files = try project.build(now: Date(timeIntervalSince1970: 1_764_000_000))
        #expect(files["customers/old/index.html"]?.contains("stale-badge") == false)
        #expect(files["customers/acme/index.html"]?.contains("stale-badge") == false)
        let later = try project.build(now: Date(timeIntervalSince1970: 1_764_000_000 + 30 * 86_400))
        #expect(later["customers/old/index.html"]?.contains("stale-badge") == true)
    }
}
