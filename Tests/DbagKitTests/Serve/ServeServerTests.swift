@testable import DbagServe
import Foundation
import Testing

@Suite struct ServeServerTests {
    @Test func servesPagesWithTheReloadScriptAndAssets() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            let home = try await fetch(port, "/")
            #expect(home.status == 200)
            #expect(home.contentType == "text/html; charset=utf-8")
            #expect(home.text.contains("Hello from the first build."))
            #expect(home.text.contains(LiveReload.endpoint))
            let css = try await fetch(port, "/assets/style.css")
            #expect(css.status == 200)
            #expect(css.contentType == "text/css; charset=utf-8")
            #expect(try await fetch(port, "/data/x.csv").contentType == "text/csv; charset=utf-8")
            #expect(try await fetch(port, "/badges/x.svg").contentType == "image/svg+xml")
        }
        #expect(!project.folder.exists("site"), "serve never writes the site to disk")
    }

    @Test func missingFilesGetTheNotFoundPage() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            let missing = try await fetch(port, "/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.contentType == "text/html; charset=utf-8")
            #expect(missing.text.contains("Not found"))
        }
    }

    @Test func traversalAttemptsAreRefused() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try project.folder.write("secret.txt", "do not serve")
        try await withPreviewServer(project) { _, port in
            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/../../secret.txt", "//etc/passwd"] {
                let status = try await rawGet(port, target)
                #expect(status == 400 || status == 404, "\(target) answered \(status)")
            }
            #expect(try await rawGet(port, "/") == 200)
        }
    }

    @Test func servesUnderTheBaseURLPath() async throws {
        let project = try ServeProject(baseURL: "/metrics/")
        defer { project.folder.remove() }
        try await withPreviewServer(project) { _, port in
            #expect(try await rawGet(port, "/") == 302)
            #expect(try await rawGet(port, "/metrics") == 302)
            // Not fetch("/"): corelibs URLSession drops the trailing slash of the
            // Location and loops; browsers and curl follow it.
            let home = try await fetch(port, "/metrics/")
            #expect(home.status == 200)
            #expect(home.text.contains("Hello from the first build."))
            #expect(try await fetch(port, "/metrics/assets/style.css").status == 200)
            #expect(try await fetch(port, "/assets/style.css").status == 404)
        }
    }

    @Test func anEditRebuildsAndBumpsTheGeneration() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { site, port in
            let before = await site.generation
            try project.folder.write("dashboards/index.md", ServeProject.home(text: "Hello from the second build."))
            let started = Date()
            let answer = try await fetch(port, "\(LiveReload.endpoint)?since=\(before)")
            #expect(Int(answer.text.trimmingCharacters(in: .whitespacesAndNewlines)) == before + 1)
            #expect(Date().timeIntervalSince(started) < LiveReload.waitSeconds, "woken by the rebuild, before the poll's hold ran out")
            let home = try await fetch(port, "/")
            #expect(home.text.contains("Hello from the second build."))
            #expect(home.text.contains("var generation = \"\(before + 1)\""))
        }
    }

    @Test func aBrokenEditServesTheErrorsUntilItIsFixed() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { site, port in
            var generation = await site.generation
            try project.folder.write("dashboards/index.md", "# Home\n\nBroken <now>.\n\n::chart{metric=nope}\n")
            generation = await site.waitForGeneration(differentFrom: generation, timeout: 5)
            let broken = try await fetch(port, "/")
            #expect(broken.status == 500)
            #expect(broken.contentType == "text/html; charset=utf-8")
            #expect(broken.text.contains("dashboards/index.md:5:"))
            #expect(broken.text.contains("nope"))
            #expect(broken.text.contains(LiveReload.endpoint))
            #expect(try await fetch(port, "/assets/style.css").status == 500)

            try project.folder.write("dashboards/index.md", ServeProject.home(text: "Fixed again."))
            _ = await site.waitForGeneration(differentFrom: generation, timeout: 5)
            let fixed = try await fetch(port, "/")
            #expect(fixed.status == 200)
            #expect(fixed.text.contains("Fixed again."))
        }
    }

    @Test func aBrokenConfigKeepsTheServerUp() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { site, port in
            let generation = await site.generation
            try project.folder.write("dbag.yml", "title: [unclosed\n")
            _ = await site.waitForGeneration(differentFrom: generation, timeout: 5)
            let broken = try await fetch(port, "/")
            #expect(broken.status == 500)
            #expect(broken.text.contains("dbag.yml"))
        }
    }

    @Test func aStoreChangeRebuilds() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        try await withPreviewServer(project) { site, _ in
            let generation = await site.generation
            try project.save(value: 1234)
            #expect(await site.waitForGeneration(differentFrom: generation, timeout: 5) == generation + 1)
        }
    }
}
