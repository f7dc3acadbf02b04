import Foundation
import Testing
@testable import DbagKit

/// `dbag event`, then `dbag build` of a project that uses events, a target, a
/// comparison, missing days and metric pages, read back from the HTML written.
@Suite struct EventsCLITests {
    func project() throws -> ScratchProject {
        let project = try ScratchProject()
        try project.write("dbag.yml", """
            metrics:
              deploys: { unit: deploys, missing: zero, target: 5, category: Engineering }
              seats: { unit: seats, missing: carry, target: { value: 900, by: 2026-12-31 } }
            events:
              - { day: 2026-01-03, label: "Config <launch>" }
            """)
        try project.write("dashboards/index.md", """
            ::stat{metric=deploys}
            ::chart{metric=deploys period=7d compare=prior}
            ::chart{metric=seats period=7d}
            """)
        return project
    }

    @Test func eventsAreStoredAndDrawnOnlyOnTheirCharts() throws {
        let project = try project()
        for (day, value) in [("2025-12-28", "2"), ("2025-12-30", "4"), ("2026-01-01", "1"), ("2026-01-04", "3")] {
            #expect(try CLITests.dbag(["record", "deploys", value, "--date", day], in: project).status == 0)
        }
        for (day, value) in [("2026-01-01", "10"), ("2026-01-04", "12")] {
            #expect(try CLITests.dbag(["record", "seats", value, "--date", day], in: project).status == 0)
        }
        let stored = try CLITests.dbag(["event", "Deploy <v2> & co", "--date", "2026-01-02", "--metric", "deploys"], in: project)
        #expect(stored.status == 0)
        #expect(stored.stdout == "event \"Deploy <v2> & co\" on 2026-01-02 (deploys)\n")
        #expect(try CLITests.dbag(["event", "Everywhere", "--date", "2026-01-04"], in: project).status == 0)
        let typo = try CLITests.dbag(["event", "X", "--metric", "deploy"], in: project)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("unknown metric 'deploy' (did you mean 'deploys'?)"))
        let future = try CLITests.dbag(["event", "X", "--date", "2999-01-01"], in: project)
        #expect(future.status == 1)
        #expect(future.stderr.contains("after today"))
        #expect(try CLITests.dbag(["event", " "], in: project).status == 1)

        let build = try CLITests.dbag(["build"], in: project)
        #expect(build.status == 0, "\(build.stderr)")
        let index = try String(contentsOf: project.directory.appendingPathComponent("site/index.html"), encoding: .utf8)
        let charts = index.components(separatedBy: "<figure class=\"chart ")
        #expect(charts.count == 3)
        let deploys = charts[1], seats = charts[2]
        // Events: rule, marker, tooltip, list and data table; escaped; restricted ones only on their metric.
        #expect(deploys.contains("<title>2026-01-02: Deploy &lt;v2&gt; &amp; co</title>"))
        #expect(deploys.contains("class=\"event-marker\""))
        #expect(deploys.contains("<time datetime=\"2026-01-02\">2026-01-02</time> Deploy &lt;v2&gt; &amp; co</li>"))
        #expect(deploys.contains("<td class=\"events-cell\">Deploy &lt;v2&gt; &amp; co</td>"))
        #expect(deploys.contains("Config &lt;launch&gt;"))
        #expect(!seats.contains("Deploy &lt;v2&gt;"))
        #expect(seats.contains("Everywhere") && seats.contains("Config &lt;launch&gt;"))
        #expect(!index.contains("<v2>") && !index.contains("<launch>"))
        // Target: a labelled line; the stat shows the share reached (3 of 5).
        #expect(deploys.contains(">target 5 deploys</text>"))
        #expect(seats.contains(">target 900 seats by 2026-12-31</text>"))
        #expect(index.contains("60% of target 5 deploys"))
        // Comparison: the previous 7 days, dashed, in the legend and the data table.
        #expect(deploys.contains("<li class=\"comparison\">"))
        #expect(deploys.contains("previous 7 days</li>"))
        #expect(deploys.contains("<th scope=\"col\">previous 7 days (deploys)</th>"))
        // Missing days: zero for deploys (2026-01-02 and 03 count as 0), carry for seats.
        #expect(deploys.contains("<th scope=\"row\">2026-01-03</th><td>0</td>"))
        #expect(seats.contains("<th scope=\"row\">2026-01-03</th><td>10</td>"))
        let json = try String(contentsOf: project.directory.appendingPathComponent("site/data/deploys.json"), encoding: .utf8)
        #expect(json.contains("\"missing\": \"zero\""))
        #expect(json.contains("\"target\": {\"value\": 5, \"by\": null}"))
        // Metric pages.
        let page = try String(contentsOf: project.directory.appendingPathComponent("site/metrics/deploys/index.html"), encoding: .utf8)
        #expect(page.contains("Deploy &lt;v2&gt; &amp; co"))
        #expect(page.contains("<dt>Missing days</dt><dd>zero</dd>"))
        let metrics = try String(contentsOf: project.directory.appendingPathComponent("site/metrics/index.html"), encoding: .utf8)
        #expect(metrics.contains(">Engineering</h2>") && metrics.contains(">Other</h2>"))
        // Print: panels kept whole, no sidebar, light colours even from dark mode.
        let css = try String(contentsOf: project.directory.appendingPathComponent("site/assets/style.css"), encoding: .utf8)
        let print = try #require(css.components(separatedBy: "@media print").last)
        #expect(print.contains("break-inside: avoid"))
        #expect(print.contains(".sidebar") && print.contains("display: none"))
        #expect(print.contains("color-scheme: light") && print.contains("--series-1: #2563eb"))
    }
}
