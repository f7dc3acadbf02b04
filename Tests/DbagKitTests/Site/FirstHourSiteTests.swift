import Foundation
import Testing
@testable import DbagKit

/// Links that work from disk and under any subpath, staleness by the newest
/// day, and the mistakes a build now catches (issue 10).
@Suite struct FirstHourSiteTests {
    static let project = """
    -- dbag.yml --
    title: Links
    metrics:
      signups: { name: Signups }
      old: { name: Old }
      never: { name: Never recorded }
      comments: { per: customer }
    -- dashboards/index.md --
    ::stat{metric=signups}
    ::table{metric=comments}
    See [details](details.md), [team](team/build.md) and [data](data/all.csv).
    -- dashboards/details.md --
    ::stat{metric=old}
    ::stat{metric=never}
    Back [home](index.md#top).
    -- dashboards/team/build.md --
    ::chart{metric=signups}
    [Details](../details.md)
    -- dashboards/customers/[customer].md --
    ::stat{metric=comments}
    [All customers](index.md) · [home](../index.md)
    """

    func filled() throws -> TestProject {
        let project = try TestProject(Self.project)
        try project.store(daily("signups") + daily("old", end: "2020-01-01", count: 5) + daily("comments", key: "acme", count: 5))
        return project
    }

    /// Every href and src of a page.
    static func links(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test func everyLinkInsideTheSiteIsRelativeToItsPage() throws {
        let project = try filled()
        defer { project.remove() }
        let site = try project.build()
        let home = try #require(site["index.html"]), details = try #require(site["details/index.html"])
        let build = try #require(site["team/build/index.html"]), acme = try #require(site["customers/acme/index.html"])
        #expect(home.contains("href=\"assets/style.css\"") && home.contains("href=\"data/all.csv\""))
        #expect(home.contains("href=\"details/index.html\"") && home.contains("href=\"team/build/index.html\""))
        #expect(home.contains("href=\"customers/acme/index.html\""), "table rows link to object pages")
        #expect(details.contains("href=\"../assets/style.css\"") && details.contains("href=\"../index.html#top\""))
        #expect(details.contains("href=\"../index.html\" aria-current") == false)
        #expect(details.contains("href=\"../details/index.html\" aria-current=\"page\""))
        #expect(build.contains("href=\"../../assets/charts.css\"") && build.contains("href=\"../../details/index.html\""))
        #expect(acme.contains("href=\"../../assets/style.css\"") && acme.contains("href=\"../index.html\"") && acme.contains("href=\"../../index.html\""))
        for (path, page) in site where path.hasSuffix(".html") {
            for link in Self.links(page) {
                #expect(!link.hasPrefix("/"), "\(path) links to \(link)")
            }
            #expect(!page.contains("rel=\"canonical\""), "no base_url, no canonical link")
        }
        // Every relative link lands on a file of the site, as a browser opening it from disk resolves it.
        for (path, page) in site where path.hasSuffix(".html") {
            let folder = URL(fileURLWithPath: "/site/" + path).deletingLastPathComponent()
            for link in Self.links(page) where !link.hasPrefix("#") && !link.contains("://") {
                let target = URL(fileURLWithPath: String(link.split(separator: "#").first ?? ""), relativeTo: folder).standardizedFileURL.path
                #expect(site[String(target.dropFirst("/site/".count))] != nil, "\(path): \(link) → \(target)")
            }
        }
    }

    @Test func aFullBaseURLGivesCanonicalLinksOnly() throws {
        let project = try filled()
        defer { project.remove() }
        var config = try project.config()
        config.baseURL = try Config.validatedBaseURL("https://acme.github.io/metrics")
        let files = try SiteBuilder(config: config, now: Date(timeIntervalSince1970: 1_764_000_000)).build()
        let details = try #require(files.first { $0.path == "details/index.html" }).contents
        let html = String(decoding: details, as: UTF8.self)
        #expect(html.contains("<link rel=\"canonical\" href=\"https://acme.github.io/metrics/details/\">"))
        #expect(html.contains("href=\"../assets/style.css\""))
    }

    @Test func stalenessIsJudgedByTheNewestDayWithAValue() throws {
        let project = try filled()
        defer { project.remove() }
        // Everything was saved "now": the old metric's newest day is still 2020-01-01.
        let site = try project.build(now: Date(timeIntervalSince1970: 1_764_000_000))
        let details = try #require(site["details/index.html"])
        #expect(details.contains("stale: Old"))
        #expect(!details.contains("Never recorded,") && !details.contains("stale: Old, Never"), "never recorded is not stale")
        #expect(details.contains("No data yet."))
        #expect(details.contains("title=\"No new value within 2 days\""))
        #expect(!(site["index.html"] ?? "").contains("stale:"), "signups' newest day is today")
    }

    @Test(arguments: [(172_800.0, "2 days"), (86_400, "1 day"), (129_600, "36 hours"), (1_209_600, "2 weeks"), (5400, "90 minutes"), (45, "45 seconds")])
    func durationsReadAsPeopleSayThem(_ seconds: Double, _ text: String) {
        #expect(DurationText.human(seconds) == text)
    }

    @Test func aLinkToAMisspeltDashboardIsALocatedError() throws {
        let project = try TestProject("""
        -- dbag.yml --
        -- dashboards/index.md --
        # Home
        See [x](detials.md) and [y](details.md#a).
        -- dashboards/details.md --
        ok
        -- dashboards/team/a.md --
        [up](../idnex.md) [c](../customers/index.md)
        """)
        defer { project.remove() }
        let error = try #require(throws: DiagnosticList.self) { try project.build() }
        #expect(error.diagnostics.map(\.description) == [
            "dashboards/index.md:2:9: error: link to 'detials.md': there is no dashboard dashboards/detials.md (did you mean 'details.md'?)",
            "dashboards/team/a.md:1:6: error: link to '../idnex.md': there is no dashboard dashboards/idnex.md (did you mean '../index.md'?)",
            "dashboards/team/a.md:1:23: error: link to '../customers/index.md': there is no dashboard dashboards/customers/index.md",
        ])
    }

    @Test func anUnknownKeyIsALocatedWarning() throws {
        let project = try filled()
        defer { project.remove() }
        try project.folder.write("dashboards/index.md", "::stat{metric=comments key=acme}\n::stat{metric=comments key=acmee}\n")
        let warnings = WarningList()
        var builder = SiteBuilder(config: try project.config(), now: Date(timeIntervalSince1970: 1_764_000_000))
        builder.warn = { warnings.add($0) }
        _ = try builder.build()
        #expect(warnings.all.map(\.description) == [
            "dashboards/index.md:2:24: warning: no values of 'comments' for key 'acmee' in the store (did you mean 'acme'?): the panel will say \"No data yet\"",
        ])
    }
}

/// Warnings gathered from the builder's callback.
final class WarningList: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    func add(_ diagnostic: Diagnostic) {
        lock.withLock { items.append(diagnostic) }
    }

    var all: [Diagnostic] { lock.withLock { items } }
}
