import Foundation
import Testing
@testable import DbagKit

/// A dashboard or theme file that a symlink leads outside the project is never
/// published; symlinks within the project are fine.
@Suite struct SymlinkTests {
    @Test func dashboardSymlinkOutsideTheProjectIsRefused() throws {
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try outside.write("secret.md", "runner secret 12345\n")
        let project = try BuildCLITests().project()
        try FileManager.default.createSymbolicLink(atPath: project.path + "/dashboards/secret.md", withDestinationPath: outside.path + "/secret.md")
        let run = try CLITests.dbag(["build"], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.contains("dashboards/secret.md: error: this file leads outside the project"))
        #expect(!FileManager.default.fileExists(atPath: project.path + "/site"))
        let check = try CLITests.dbag(["check"], in: project)
        #expect(check.status == 1)
        #expect(check.stderr.contains("dashboards/secret.md: error:"))
    }

    @Test func themeSymlinkOutsideTheProjectIsRefused() throws {
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try outside.write("id_rsa", "PRIVATE KEY\n")
        let project = try BuildCLITests().project()
        try project.write("dbag.yml", "theme: mine\nmetrics:\n  deploys: {}\n")
        try project.write("themes/mine/page.mustache", "<html><body>{{{page.content}}}</body></html>\n")
        try project.write("themes/mine/assets/style.css", "body{}\n")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/themes/mine/assets/key.txt", withDestinationPath: outside.path + "/id_rsa")
        let run = try CLITests.dbag(["build"], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.contains("themes/mine/assets/key.txt: error: this file leads outside the project"))
        #expect(!FileManager.default.fileExists(atPath: project.path + "/site"))
    }

    @Test func symlinksInsideTheProjectArePublished() throws {
        let project = try BuildCLITests().project()
        try project.write("notes/shared.md", "# Shared\nShared words.\n")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/dashboards/shared.md", withDestinationPath: "../notes/shared.md")
        try project.write("themes/mine/page.mustache", "<html><body>{{{page.content}}}</body></html>\n")
        try project.write("shared.css", "body{}\n")
        try FileManager.default.createSymbolicLink(atPath: project.path + "/themes/mine/site.css", withDestinationPath: "../../shared.css")
        try project.write("dbag.yml", "theme: mine\nmetrics:\n  deploys: {}\n")
        let run = try CLITests.dbag(["build"], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: project.path + "/site/shared/index.html", encoding: .utf8).contains("Shared words."))
        #expect(FileManager.default.fileExists(atPath: project.path + "/site/site.css"))
    }
}
