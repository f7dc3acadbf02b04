import Foundation
import Testing
@testable import DbagKit

@Suite struct EscapingTests {
    /// Every string that reaches a page — from dbag.yml, the store and the
    /// dashboards — lands escaped; raw HTML in Markdown is omitted.
    @Test func noStringFromConfigStoreOrDashboardsLandsRaw() throws {
        let project = try TestProject("""
        -- dbag.yml --
        title: "T <script>alert(1)</script>"
        metrics:
          evil:
            name: "<img src=x onerror=alert(2)>"
            description: "<b>bold</b>"
            unit: "<u>&"
          objs: { per: customer, name: "O<i>" }
        -- dashboards/index.md --
        ---
        title: "<svg onload=alert(3)>"
        description: "\\"><script>alert(4)</script>"
        ---
        <script>alert(5)</script>

        :value{metric=evil} ::not-here

        ::stat{metric=evil title="<em>x</em>"}
        ::chart{metric=evil title="</title><script>alert(6)</script>"}
        ::table{metric=objs}
        ::table{metrics=evil}
        ::heatmap{metric=evil}
        -- dashboards/c/[customer].md --
        ---
        title: "{customer.label}"
        ---
        Page of {customer} / {customer.label}.
        ::stat{metric=objs}
        """)
        defer { project.remove() }
        try project.store(daily("evil", count: 20) + daily("objs", key: "\"><script>alert(7)</script>", count: 5),
                          labels: [("objs", "\"><script>alert(7)</script>", "<marquee>label</marquee>")])
        let site = try project.build()
        for (path, text) in site where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            #expect(!text.contains("<script"), "raw script in \(path)")
            #expect(!text.contains("<img"), "raw img in \(path)")
            #expect(!text.contains("<marquee"), "raw label in \(path)")
            #expect(!text.contains("<u>"), "raw unit in \(path)")
            #expect(!text.contains("<em>"), "raw attribute in \(path)")
            #expect(!text.contains("<svg onload"), "raw title in \(path)")
        }
        let home = try #require(site["index.html"])
        #expect(home.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(home.contains("T &lt;script&gt;"))
        let object = try #require(site.first { $0.key.hasPrefix("c/") && $0.key != "c/index.html" }?.value)
        #expect(object.contains("&lt;marquee&gt;label&lt;/marquee&gt;"))
        #expect(site["data/objs.json"]?.contains("\\u003cmarquee>") == true)
    }
}
