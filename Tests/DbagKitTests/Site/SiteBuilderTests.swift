import Foundation
import Testing
@testable import DbagKit

@Suite struct SiteBuilderTests {
    static let project = """
    -- dbag.yml --
    title: Fixture
    base_url: /m/
    metrics:
      signups: { name: Signups, unit: users }
      rate: { format: percent, stale_after: 3d }
      comments: { per: customer }
    -- dashboards/index.md --
    ---
    title: Home
    ---
    We have :value{metric=signups} and :delta{metric=signups}.

    :::grid{columns=2}
    ::stat{metric=signups}
    ::stat{metric=rate}
    :::

    ::chart{metrics="signups,rate" period=30d}
    ::table{metric=comments}
    ::heatmap{metric=signups}

    See [details](details.md) and `::chart{metric=nope}` in code.
    -- dashboards/details.md --
    # All the details
    ::chart{metric=signups type=bar by=week}
    ::sparkline{metric=rate}
    -- dashboards/customers/[customer].md --
    ---
    title: "Customer {customer.label}"
    ---
    Key {customer}. :value{metric=comments}

    ::stat{metric=comments}
    """

    func filled() throws -> TestProject {
        let project = try TestProject(Self.project)
        try project.store(daily("signups") + daily("rate", start: 0.2, step: 0.001)
                          + daily("comments", key: "acme", count: 10) + daily("comments", key: "Big Co/../x", count: 10, start: 5),
                          labels: [("comments", "acme", "Acme Corp"), ("comments", "Big Co/../x", "Big Co")])
        return project
    }

    @Test func buildsEveryPageDataFileBadgeAndAsset() throws {
        let project = try filled()
        defer { project.remove() }
        let site = try project.build()
        for path in ["index.html", "details/index.html", "customers/index.html", "customers/acme/index.html",
                     "customers/big-co-x/index.html", "data/signups.json", "data/signups.csv", "data/all.csv",
                     "badges/signups.svg", "badges/comments.svg", "assets/style.css", "assets/charts.css"] {
            #expect(site[path] != nil, "missing \(path)")
        }
        let home = try #require(site["index.html"])
        #expect(home.contains("href=\"details/index.html\""))
        #expect(home.contains("href=\"assets/style.css\""))
        #expect(home.contains("<code>::chart{metric=nope}</code>"))
        #expect(home.contains("class=\"panel-grid\" style=\"--columns:2\""))
        #expect(home.contains("href=\"customers/acme/index.html\""))
        #expect(!site.values.contains { $0.contains("<script") })
        #expect(site["details/index.html"]?.contains("<h1>All the details</h1>") == true)
        #expect(site["customers/acme/index.html"]?.contains("Customer Acme Corp") == true)
        #expect(site["customers/acme/index.html"]?.contains("Key acme.") == true)
        #expect(site["data/signups.csv"]?.hasPrefix("metric,key,day,value\nsignups,,2025-09-26,100\n") == true)
        #expect(site["data/all.csv"]?.contains("comments,Big Co/../x,2025-11-24,14\n") == true)
    }

    @Test func everyErrorOfEveryPageIsListedWithItsPosition() throws {
        let project = try TestProject("""
        -- dbag.yml --
        metrics:
          signups: {}
        -- dashboards/index.md --
        ::chart{metric=singups}
        ::stat{metric=signups colour=red}
        -- dashboards/b.md --
        text
        ::bogus{}
        -- dashboards/t/[team].md --
        ::stat{metric=signups}
        """)
        defer { project.remove() }
        let error = try #require(throws: DiagnosticList.self) { try project.build() }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains("dashboards/index.md:1:9: error: unknown metric 'singups' (did you mean 'signups'?)"))
        #expect(lines.contains { $0.hasPrefix("dashboards/index.md:2:23: error: unknown attribute 'colour'") })
        #expect(lines.contains { $0.hasPrefix("dashboards/b.md:2:1: error: unknown directive '::bogus'") })
        #expect(lines.contains { $0.hasPrefix("dashboards/t/[team].md:1:1: error: template [team] needs a metric") })
    }

    @Test func anErrorInATemplateIsReportedOnceAtTheTemplate() throws {
        let project = try TestProject("""
        -- dbag.yml --
        metrics:
          comments: { per: customer }
        -- dashboards/index.md --
        home
        -- dashboards/c/[customer].md --
        ::chart{metric=coments}
        """)
        defer { project.remove() }
        try project.store(daily("comments", key: "a", count: 3) + daily("comments", key: "b", count: 3))
        let error = try #require(throws: DiagnosticList.self) { try project.build() }
        #expect(error.diagnostics.map(\.description) == ["dashboards/c/[customer].md:1:9: error: unknown metric 'coments' (did you mean 'comments'?)"])
    }

    @Test func staleMetricsAreMarked() throws {
        let project = try filled()
        defer { project.remove() }
        let collected = Date(timeIntervalSince1970: 1_764_000_000)
        let fresh = try project.build(now: collected.addingTimeInterval(3600))
        #expect(fresh["index.html"]?.contains("stale") == false)
        let later = try project.build(now: collected.addingTimeInterval(2.5 * 86_400))
        #expect(later["index.html"]?.contains("stale: Signups") == true)
        #expect(later["index.html"]?.contains("is-stale") == true)
    }

    @Test func draftsAreNotBuilt() throws {
        let project = try TestProject("""
        -- dbag.yml --
        -- dashboards/index.md --
        home
        -- dashboards/wip.md --
        ---
        draft: true
        ---
        secret
        """)
        defer { project.remove() }
        let site = try project.build()
        #expect(site["wip/index.html"] == nil)
        #expect(site["index.html"]?.contains("wip") == false)
    }

    @Test func alertsFireOnTheLatestValue() throws {
        let project = try TestProject("""
        -- dbag.yml --
        metrics:
          low: { alert: { below: 10 } }
          fine: { alert: { below: 10, above: 1000 } }
          high: { alert: { above: 5 } }
        -- dashboards/index.md --
        home
        """)
        defer { project.remove() }
        try project.store(daily("low", count: 3, start: 12, step: -2) + daily("fine", count: 3) + daily("high", count: 2, start: 1, step: 10))
        let data = try SiteBuilder(config: try project.config()).check()
        let fired = AlertCheck.fired(config: try project.config(), data: data)
        #expect(fired.map(\.metric.slug) == ["low", "high"])
        #expect(fired.first?.description.contains("below 10") == true)
    }
}

@Suite struct DirectiveKeyTests {
    @Test func keyOnAPlainMetricIsAnError() throws {
        let project = try TestProject("""
        -- dbag.yml --
        metrics:
          signups: {}
          comments: { per: customer }
        -- dashboards/index.md --
        ::stat{metric=comments key=acme}
        ::stat{metric=signups key=acme}
        """)
        defer { project.remove() }
        let error = try #require(throws: DiagnosticList.self) { try project.build() }
        #expect(error.diagnostics.map(\.description) == ["dashboards/index.md:2:23: error: 'key' applies to per-object metrics, and 'signups' has no `per:`"])
    }

    @Test func aPerObjectMetricWithoutKeyShowsTheTotalOfItsObjects() throws {
        let project = try TestProject("""
        -- dbag.yml --
        metrics:
          comments: { per: customer }
        -- dashboards/index.md --
        Total :value{metric=comments}, Acme :value{metric=comments key=acme}.
        """)
        defer { project.remove() }
        try project.store(daily("comments", key: "acme", count: 2, start: 10) + daily("comments", key: "beta", count: 2, start: 5))
        let page = try #require(try project.build()["index.html"])
        #expect(page.contains(">17</span>, Acme"))
        #expect(page.contains(">11</span>."))
    }
}
