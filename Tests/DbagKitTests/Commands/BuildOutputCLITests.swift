import Foundation
import Testing

/// `dbag build` never destroys what it did not write, and swaps the site in whole.
@Suite struct BuildOutputCLITests {
    @Test func buildKeepsFilesItDidNotWrite() throws {
        let project = try BuildCLITests().project()
        try project.write("docs/CNAME", "metrics.example.com\n")
        try project.write("docs/guide/notes.html", "<p>notes</p>")
        try project.write("docs/team/notes.txt", "kept beside a page dbag writes")
        try project.write("docs/.nojekyll", "")
        try project.write("docs/.git/HEAD", "ref: refs/heads/main\n")
        let first = try CLITests.dbag(["build", "--out", "docs"], in: project)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.path + "/docs/index.html"))
        #expect(FileManager.default.fileExists(atPath: project.path + "/docs/team/index.html"))
        try FileManager.default.removeItem(atPath: project.path + "/dashboards/team.md")
        let second = try CLITests.dbag(["build", "--out", "docs"], in: project)
        #expect(second.status == 0, "\(second.stderr)")
        let files = try BuildCLITests.files(in: project.path + "/docs")
        #expect(files["CNAME"] == Data("metrics.example.com\n".utf8))
        #expect(files["guide/notes.html"] == Data("<p>notes</p>".utf8))
        #expect(files["team/notes.txt"] != nil)
        #expect(files["team/index.html"] == nil, "a page dbag wrote and no longer builds is removed")
        #expect(files[".nojekyll"] != nil)
        #expect(files[".git/HEAD"] == Data("ref: refs/heads/main\n".utf8))
        #expect(files["index.html"] != nil)
        #expect(try Self.hiddenBeside(project, "docs").isEmpty)
    }

    @Test func buildRefusesToReplaceAHandMadeFile() throws {
        let project = try BuildCLITests().project()
        try project.write("docs/index.html", "<h1>my own page</h1>")
        try project.write("docs/CNAME", "metrics.example.com\n")
        let before = try BuildCLITests.files(in: project.path + "/docs")
        let run = try CLITests.dbag(["build", "--out", "docs"], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.contains("docs/index.html: error: dbag did not write this file"))
        #expect(run.stderr.contains("nothing was changed"))
        #expect(!run.stderr.contains("error: error:"))
        #expect(try BuildCLITests.files(in: project.path + "/docs") == before)
        #expect(try Self.hiddenBeside(project, "docs").isEmpty)
    }

    @Test func storeOrSourceInsideTheOutputIsALocatedError() throws {
        let project = try BuildCLITests().project()
        try project.write("dbag.yml", """
            title: CLI
            store: site/metrics.sqlite
            metrics:
              deploys: {}
            """)
        let build = try CLITests.dbag(["build"], in: project)
        #expect(build.status == 1)
        #expect(build.stderr.contains("dbag.yml:2:8: error: the store"))
        #expect(build.stderr.contains("lies inside the output folder"))
        let check = try CLITests.dbag(["check"], in: project)
        #expect(check.status == 1)
        #expect(check.stderr.contains("dbag.yml:2:8: error: the store"))
        try project.write("dbag.yml", """
            title: CLI
            sources:
              app: { sqlite: public/app.sqlite3 }
            metrics:
              deploys: {}
            """)
        try project.write("public/.keep", "")
        try project.database("public/app.sqlite3", "CREATE TABLE t(x)")
        #expect(try CLITests.dbag(["build"], in: project).status == 0)
        let out = try CLITests.dbag(["build", "--out", "public"], in: project)
        #expect(out.status == 1)
        #expect(out.stderr.contains("dbag.yml:3:18: error: source 'app'"))
        let defaultStore = try CLITests.dbag(["build", "--out", ".dbag"], in: project)
        #expect(defaultStore.status == 1)
        #expect(defaultStore.stderr.contains("dbag.yml: error: the store"))
    }

    @Test func aWriteErrorIsReportedOnce() throws {
        let project = try BuildCLITests().project()
        let slug = String(repeating: "x", count: 300)
        try project.write("dbag.yml", "metrics:\n  deploys: {}\n  \(slug): {}\n")
        let run = try CLITests.dbag(["build"], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: cannot write site/"))
        #expect(!run.stderr.contains("error: error:"))
        #expect(!FileManager.default.fileExists(atPath: project.path + "/site"))
    }

    @Test func anOutputThatCannotBeMadeIsOneClearError() throws {
        let project = try BuildCLITests().project()
        let run = try CLITests.dbag(["build", "--out", "dbag.yml/site"], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: cannot create the folder dbag.yml:"))
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        try project.write("afile", "x")
        let file = try CLITests.dbag(["build", "--out", "afile"], in: project)
        #expect(file.status == 1)
        #expect(file.stderr.contains("error: refusing to build into afile: it is not a folder"))
        #expect(try String(contentsOfFile: project.path + "/afile", encoding: .utf8) == "x")
    }

    /// Hidden entries beside `folder` in the project (staging folders of builds).
    static func hiddenBeside(_ project: ScratchProject, _ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".\(folder).") }
    }
}
