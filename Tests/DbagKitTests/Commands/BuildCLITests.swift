import Foundation
import Testing

/// `dbag build` and `dbag check` as a user runs them.
@Suite struct BuildCLITests {
    func project(_ index: String = "::stat{metric=deploys}\n") throws -> ScratchProject {
        let project = try ScratchProject()
        try project.write("dbag.yml", """
            title: CLI
            metrics:
              deploys: { alert: { above: 5 } }
            """)
        try project.write("dashboards/index.md", index)
        try project.write("dashboards/team.md", "# Team\n::chart{metric=deploys}\n")
        return project
    }

    @Test func buildWritesTheSiteAndTwoBuildsAreByteIdentical() throws {
        let project = try project()
        #expect(try CLITests.dbag(["record", "deploys", "3", "--date", "2026-01-05"], in: project).status == 0)
        let first = try CLITests.dbag(["build"], in: project)
        #expect(first.status == 0)
        #expect(first.stdout.contains("built 4 pages"))  // two dashboards, metrics/ and metrics/deploys/
        let before = try Self.files(in: project.path + "/site")
        #expect(try CLITests.dbag(["build"], in: project).status == 0)
        let after = try Self.files(in: project.path + "/site")
        #expect(before.count >= 9)
        #expect(before == after, "a second process wrote different bytes")
        let index = try #require(before["index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(!index.contains("<script"))
    }

    /// Every file below a folder: relative path → bytes.
    static func files(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
            }
        }
        return files
    }

    @Test func aFailedBuildListsEveryErrorAndLeavesThePreviousSite() throws {
        let project = try project()
        #expect(try CLITests.dbag(["build"], in: project).status == 0)
        let before = try String(contentsOfFile: project.path + "/site/index.html", encoding: .utf8)
        try project.write("dashboards/index.md", "::stat{metric=deploy}\n\n::chart{metric=deploys period=9x}\n")
        let failed = try CLITests.dbag(["build"], in: project)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("dashboards/index.md:1:8: error: unknown metric 'deploy' (did you mean 'deploys'?)"))
        #expect(failed.stderr.contains("dashboards/index.md:3:"))
        #expect(try String(contentsOfFile: project.path + "/site/index.html", encoding: .utf8) == before)
        let check = try CLITests.dbag(["check"], in: project)
        #expect(check.status == 1)
        #expect(check.stderr.contains("dashboards/index.md:1:8:"))
    }

    @Test func outAndBaseURLOptions() throws {
        let project = try project()
        let run = try CLITests.dbag(["build", "--out", "public", "--base-url", "https://example.org/metrics"], in: project)
        #expect(run.status == 0)
        let index = try String(contentsOfFile: project.path + "/public/index.html", encoding: .utf8)
        let team = try String(contentsOfFile: project.path + "/public/team/index.html", encoding: .utf8)
        #expect(index.contains("href=\"team/index.html\""))
        #expect(index.contains("href=\"assets/style.css\""))
        #expect(team.contains("href=\"../assets/style.css\""))
        #expect(team.contains("<link rel=\"canonical\" href=\"https://example.org/metrics/team/\">"))
        #expect(!FileManager.default.fileExists(atPath: project.path + "/site/index.html"))
    }

    @Test func checkExitsThreeWhenAnAlertFires() throws {
        let project = try project()
        #expect(try CLITests.dbag(["check"], in: project).status == 0)
        #expect(try CLITests.dbag(["record", "deploys", "9", "--date", "2026-01-05"], in: project).status == 0)
        let check = try CLITests.dbag(["check"], in: project)
        #expect(check.status == 3)
        #expect(check.stderr.contains("alert: deploys is 9 on 2026-01-05, above 5"))
        #expect(!FileManager.default.fileExists(atPath: project.path + "/site"))
    }
}
