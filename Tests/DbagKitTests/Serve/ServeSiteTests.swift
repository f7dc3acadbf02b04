import DbagKit
@testable import DbagServe
import Foundation
import Testing

/// ``PreviewSite`` without a server: what each request path gets.
@Suite struct ServeSiteTests {
    @Test func buildOutputHasNoReloadScript() throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        let files = try SiteBuilder(config: try project.config()).build()
        let pages = files.filter { $0.path.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for page in pages {
            #expect(!String(decoding: page.contents, as: UTF8.self).contains("__dbag"), "\(page.path)")
        }
    }

    @Test func answersWithNoStoreAndRedirectsFoldersToTheirSlash() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try project.folder.write("dashboards/details.md", "# Details\n\nMore.\n")
        let site = PreviewSite(config: try project.config())
        await site.rebuild()
        let home = await site.response(forRawPath: "/")
        #expect(home.status == 200)
        #expect(home.headers["Cache-Control"] == "no-store")
        #expect(await site.response(forRawPath: "/details/").status == 200)
        let folder = await site.response(forRawPath: "/details?x=1")
        #expect(folder.status == 302)
        #expect(folder.headers["Location"] == "/details/")
        #expect(await site.response(forRawPath: "/nope").status == 404)
        #expect(await site.response(forRawPath: "/../dbag.yml").status == 400)
        #expect(!project.folder.exists("site"))
    }

    @Test func theErrorPageEscapesDiagnostics() {
        let page = PreviewPages.errors([Diagnostic("unknown directive <script>", file: "dashboards/a.md", line: 3, column: 1)],
                                       generation: 7)
        #expect(page.contains("dashboards/a.md:3:1: error: unknown directive &lt;script&gt;"))
        #expect(!page.contains("directive <script>"))
        #expect(page.contains("var generation = \"7\""))
    }

    @Test func theLongPollAnswersWhenTheGenerationChanges() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        let site = PreviewSite(config: try project.config())
        let before = await site.generation
        #expect(await site.waitForGeneration(differentFrom: before, timeout: 0.2) == before)
        async let waited = site.waitForGeneration(differentFrom: before, timeout: 5)
        try await Task.sleep(for: .milliseconds(100))
        await site.rebuild()
        #expect(await waited == before + 1)
    }
}
