import Foundation
import Testing

/// The projects in Tests/DbagKitTests/Fixtures, built end to end as a user would:
/// `dbag import` of their CSV files, then `dbag build` in two separate processes,
/// which must write the same bytes (hash seeds differ between processes).
@Suite struct FixtureProjectTests {
    /// A copy of `Fixtures/<name>` in a scratch folder, its CSV files imported.
    static func project(_ name: String, filePath: String = #filePath) async throws -> ScratchProject {
        let fixture = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let project = try ScratchProject()
        try FileManager.default.removeItem(at: project.directory)
        try FileManager.default.copyItem(at: fixture, to: project.directory)
        for csv in ["values.csv", "labels.csv"] where FileManager.default.fileExists(atPath: project.path + "/" + csv) {
            let run = try await CLITests.dbagOffPool(["import", csv], in: project)
            #expect(run.status == 0, "import \(csv): \(run.stderr)")
        }
        return project
    }

    /// Builds twice in two processes (off the shared test threads); the site as path → text.
    static func buildTwice(_ project: ScratchProject) async throws -> [String: String] {
        let first = try await CLITests.dbagOffPool(["build"], in: project)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("built "))
        let before = try BuildCLITests.files(in: project.path + "/site")
        #expect(try await CLITests.dbagOffPool(["build"], in: project).status == 0)
        let after = try BuildCLITests.files(in: project.path + "/site")
        #expect(before == after, "a second process wrote different bytes")
        return before.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func minimalProject() async throws {
        let project = try await Self.project("minimal")
        let site = try await Self.buildTwice(project)
        let home = try #require(site["index.html"])
        let history = try #require(site["history/index.html"])
        #expect(home.contains("<h1>Minimal</h1>"))
        #expect(home.contains(">277 users</span> today."), "the latest of 60 days: 100 + 3 × 59")
        #expect(home.contains("class=\"panel-grid\" style=\"--columns:2\""))
        #expect(home.contains("href=\"history/index.html\""))
        #expect(home.components(separatedBy: "<svg").count - 1 >= 3, "stat sparklines, chart and sparkline")
        #expect(history.contains("<h1>History</h1>"))
        #expect(history.contains("week of 2026-02-23"))
        #expect(site["data/signups.csv"]?.hasPrefix("metric,key,day,value\nsignups,,2026-01-01,100\n") == true)
        #expect(site["data/uptime.csv"]?.contains("uptime,,2026-03-01,0.998\n") == true)
        #expect(!site.values.contains { $0.contains("<script") })
    }

    @Test func perObjectProject() async throws {
        let project = try await Self.project("per-object")
        let site = try await Self.buildTwice(project)
        let home = try #require(site["index.html"])
        #expect(home.contains("All customers wrote <span"))
        #expect(home.contains(">144</span> comments; Acme <span"), "the latest of each: 39 + 69 + 36")
        #expect(home.contains("Globex &amp; Co"))
        for key in ["acme", "globex", "initech"] {
            #expect(site["customers/\(key)/index.html"] != nil, "missing customers/\(key)/")
        }
        let acme = try #require(site["customers/acme/index.html"])
        #expect(acme.contains("<h1>Acme Corp</h1>"))
        #expect(acme.contains("Key acme: <span"))
        #expect(acme.contains(">39</span>"))
        #expect(site["customers/globex/index.html"]?.contains("<h1>Globex &amp; Co</h1>") == true)
        #expect(site["customers/index.html"]?.contains("href=\"acme/index.html\"") == true)
    }
}
