import Foundation
import Testing
@testable import DbagKit

@Suite struct MetricPagesTests {
    static let files = """
    -- dbag.yml --
    sources:
      app: { sqlite: app.sqlite3 }
    metrics:
      signups:
        name: Signups
        description: "New <accounts>."
        unit: users
        category: Growth
        target: { value: 500, by: 2026-12-31 }
        collect: { source: app, sql: "SELECT count(*) FROM secret_users" }
      comments: { per: customer, category: Growth }
      loose: { name: Loose }
    events:
      - { day: 2025-11-20, label: "Launch <b>" }
      - { day: 2025-11-21, label: "Only loose", metrics: [loose] }
    -- dashboards/index.md --
    ::stat{metric=signups}
    ::table{metrics="signups,loose"}
    """

    @Test func everyMetricHasAPageWithItsFacts() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        try project.store(daily("signups", count: 400) + daily("comments", key: "acme", count: 10),
                          labels: [("comments", "acme", "Acme Inc")])
        let site = try project.build()
        let page = try #require(site["metrics/signups/index.html"])
        #expect(page.contains("New &lt;accounts&gt;."))
        for fact in ["<dt>Unit</dt><dd>users</dd>", "<dt>Kind</dt><dd>sql</dd>", "<dt>Category</dt><dd>Growth</dd>",
                     "<dt>Target</dt><dd>target 500 users by 2026-12-31</dd>", "<dt>Last error</dt><dd>none</dd>",
                     "<dt>Last collected</dt><dd>2025-11-24 16:00 UTC</dd>"] {
            #expect(page.contains(fact), "\(fact)")
        }
        #expect(page.contains("<th scope=\"col\" class=\"num\">365 days</th>"))
        #expect(page.contains("<th scope=\"col\" class=\"num\">Mean</th>"))
        #expect(page.contains("· last 365 days</span>"))
        #expect(page.contains("last 365 days, by week"))
        #expect(page.contains("last 365 days, by month"))
        #expect(page.contains("class=\"heatmap-panel\""))
        #expect(page.contains("Launch &lt;b&gt;"))
        #expect(!page.contains("Only loose"), "an event restricted to another metric")
        #expect(page.contains("href=\"../../data/signups.csv\""))
        #expect(page.contains("href=\"../../data/signups.json\""))
        #expect(page.contains("[![Signups](../../badges/signups.svg)](index.html)"))
        #expect(!page.contains("secret_users"), "SQL only with show_queries")
        #expect(page.contains("class=\"target-line\""))
        let objects = try #require(site["metrics/comments/index.html"])
        #expect(objects.contains("Acme Inc"))
        #expect(site["metrics/loose/index.html"]?.contains("Only loose") == true)
    }

    @Test func theIndexGroupsByCategoryAndStatsAndRowsLinkToPages() throws {
        let project = try TestProject(Self.files)
        defer { project.remove() }
        try project.store(daily("signups", count: 40))
        let site = try project.build()
        let index = try #require(site["metrics/index.html"])
        let growth = try #require(index.range(of: ">Growth</h2>"))
        let other = try #require(index.range(of: ">Other</h2>"))
        #expect(growth.lowerBound < other.lowerBound)
        #expect(index.contains("<a href=\"signups/index.html\">Signups</a>"))
        #expect(index.contains("<a href=\"loose/index.html\">Loose</a>"))
        #expect(index.contains("class=\"spark\""))
        let home = try #require(site["index.html"])
        #expect(home.contains("<a class=\"metric-link\" href=\"metrics/signups/index.html\">Signups</a>"))
        #expect(home.contains("<a href=\"metrics/loose/index.html\">Loose</a>"))
        #expect(home.contains("class=\"stat-target\""))
        #expect(home.contains("8% of target 500 users by 2026-12-31"))
        #expect(home.contains("href=\"metrics/index.html\""), "the sidebar links the metrics index")
    }

    @Test func withAPublicBaseURLTheBadgeMarkdownIsAbsolute() throws {
        let project = try TestProject(Self.files.replacingOccurrences(of: "sources:", with: "base_url: https://example.org/m/\nsources:"))
        defer { project.remove() }
        let page = try #require(try project.build()["metrics/signups/index.html"])
        #expect(page.contains("[![Signups](https://example.org/m/badges/signups.svg)](https://example.org/m/metrics/signups/)"))
    }

    @Test func showQueriesPublishesTheSQLEscaped() throws {
        let project = try TestProject(Self.files.replacingOccurrences(of: "sources:", with: "show_queries: true\nsources:"))
        defer { project.remove() }
        let page = try #require(try project.build()["metrics/signups/index.html"])
        #expect(page.contains("SELECT count(*) FROM secret_users"))
    }

    @Test func aDashboardUnderMetricsTakesPrecedence() throws {
        let project = try TestProject(Self.files + "\n-- dashboards/metrics/signups.md --\n# Hand-written\nMine.\n-- dashboards/metrics/index.md --\n# My metrics\n")
        defer { project.remove() }
        let site = try project.build()
        #expect(site["metrics/signups/index.html"]?.contains("Mine.") == true)
        #expect(site["metrics/signups/index.html"]?.contains("metric-facts") == false)
        #expect(site["metrics/index.html"]?.contains("My metrics") == true)
        #expect(site["metrics/index.html"]?.contains("metric-index") == false)
        #expect(site["metrics/loose/index.html"]?.contains("metric-facts") == true)
    }
}
