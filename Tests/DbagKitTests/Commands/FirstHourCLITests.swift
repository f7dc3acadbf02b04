import Foundation
import Testing

/// The first hour of a new user, command by command (issue 10).
@Suite struct FirstHourCLITests {
    /// Runs dbag with `folder` as the current folder.
    static func dbag(_ arguments: [String], at folder: URL) throws -> CLITests.Run {
        try CLITests.run(try CLITests.executable().path, arguments, in: folder)
    }

    @Test func everyCommandFindsDbagYmlAboveTheCurrentFolder() throws {
        let project = try ScratchProject()
        #expect(try CLITests.dbag(["init"], in: project).status == 0)
        let dashboards = project.directory.appendingPathComponent("dashboards")
        let record = try Self.dbag(["record", "deploys", "2", "--date", "2026-01-05"], at: dashboards)
        #expect(record.status == 0, "\(record.stderr)")
        #expect(try Self.dbag(["export"], at: dashboards).stdout.contains("deploys,,2026-01-05,2"))
        #expect(try Self.dbag(["build"], at: dashboards).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.path + "/site/index.html"))
        #expect(!FileManager.default.fileExists(atPath: dashboards.path + "/site"))
        #expect(!FileManager.default.fileExists(atPath: dashboards.path + "/.dbag"))
        #expect(try Self.dbag(["metrics", "--project", ".."], at: dashboards).status == 0)

        let nowhere = try ScratchProject()
        let none = try Self.dbag(["build"], at: nowhere.directory)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no dbag.yml in \(nowhere.directory.path) or any folder above it"))
    }

    @Test func initPrintsItsDefaultOnceAndSuggestsNoFakeData() throws {
        let project = try ScratchProject()
        let help = try CLITests.dbag(["init", "--help"], in: project)
        #expect(help.stdout.components(separatedBy: "default").count == 2, "\(help.stdout)")
        let run = try CLITests.dbag(["init", "metrics"], in: project)
        #expect(run.status == 0)
        let next = try #require(run.stdout.split(separator: "\n").last)
        #expect(next.hasPrefix("next: cd metrics && dbag collect && dbag build"))
        #expect(!next.contains("fake"))
    }

    @Test func commandLineMistakesExitOneNotSixtyFour() throws {
        let project = try ScratchProject()
        #expect(try CLITests.dbag(["init"], in: project).status == 0)
        for arguments in [["collect", "--date", "2026-13-45"], ["record", "deploys"], ["build", "--nope"], ["frobnicate"],
                          ["fake", "--days", "0"], ["delete", "deploys"]] {
            let run = try CLITests.dbag(arguments, in: project)
            #expect(run.status == 1, "\(arguments) exited \(run.status)")
            #expect(!run.stderr.isEmpty)
        }
        #expect(try CLITests.dbag(["--help"], in: project).status == 0)
        let version = try CLITests.dbag(["--version"], in: project)
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func recordRefusesADayAfterToday() throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", "timezone: Pacific/Kiritimati\nmetrics:\n  deploys:\n")
        let zone = try #require(TimeZone(identifier: "Pacific/Kiritimati"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(86_400 * 2))
        let later = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let run = try CLITests.dbag(["record", "deploys", "1", "--date", later], in: project)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(later) is after today"))
        #expect(run.stderr.contains("Pacific/Kiritimati"))
        #expect(try CLITests.dbag(["export"], in: project).stdout == "metric,key,day,value\n")
        #expect(try CLITests.dbag(["record", "deploys", "1"], in: project).status == 0, "today is fine")
    }

    @Test func fakeRefusesAStoreWithValuesUnlessForced() throws {
        let project = try ScratchProject()
        #expect(try CLITests.dbag(["init"], in: project).status == 0)
        #expect(try CLITests.dbag(["record", "deploys", "4", "--date", "2026-01-05"], in: project).status == 0)
        let before = try CLITests.dbag(["export"], in: project).stdout
        let refused = try CLITests.dbag(["fake", "--days", "10"], in: project)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds values"))
        #expect(refused.stderr.contains("--force"))
        #expect(try CLITests.dbag(["export"], in: project).stdout == before, "nothing changed")
        #expect(try CLITests.dbag(["fake", "--days", "10", "--force"], in: project).status == 0)
        let after = try CLITests.dbag(["export"], in: project).stdout
        #expect(after.contains("deploys,,2026-01-05,4"), "the real value is kept")
        #expect(after.split(separator: "\n").count > 10)
    }

    @Test func deleteRemovesADayARangeOrAllAndRefusesBadCombinations() throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", "metrics:\n  deploys:\n  comments: { per: customer }\n")
        for day in 1...5 {
            #expect(try CLITests.dbag(["record", "deploys", "\(day)", "--date", "2026-01-0\(day)"], in: project).status == 0)
            for key in ["acme", "globex"] {
                #expect(try CLITests.dbag(["record", "comments", "\(day)", "--key", key, "--label", key.uppercased(), "--date", "2026-01-0\(day)"], in: project).status == 0)
            }
        }
        for bad in [["delete", "deploys"], ["delete", "deploys", "--all", "--date", "2026-01-01"], ["delete", "deploys", "--from", "2026-01-01"],
                    ["delete", "deploys", "--from", "2026-01-03", "--to", "2026-01-01"], ["delete", "deploy", "--all"],
                    ["delete", "deploys", "--date", "yesterday"]] {
            let run = try CLITests.dbag(bad, in: project)
            #expect(run.status == 1, "\(bad)")
        }
        #expect(try CLITests.dbag(["export"], in: project).stdout.split(separator: "\n").count == 16, "bad combinations removed nothing")

        let one = try CLITests.dbag(["delete", "deploys", "--date", "2026-01-02"], in: project)
        #expect(one.stdout == "removed 1 value of deploys on 2026-01-02\n")
        #expect(try CLITests.dbag(["delete", "deploys", "--from", "2026-01-03", "--to", "2026-01-04"], in: project).stdout.hasPrefix("removed 2 values"))
        #expect(try CLITests.dbag(["delete", "comments", "--key", "globex", "--all"], in: project).stdout.hasPrefix("removed 5 values"))
        let export = try CLITests.dbag(["export"], in: project).stdout
        #expect(export.contains("deploys,,2026-01-01,1") && export.contains("deploys,,2026-01-05,5"))
        #expect(!export.contains("deploys,,2026-01-03") && !export.contains("globex"))
        #expect(export.contains("comments,acme,2026-01-05,5"))
        #expect(try CLITests.dbag(["delete", "deploys", "--all"], in: project).stdout.hasPrefix("removed 2 values"))
    }

    @Test func exportLabelsThenImportKeepsObjectLabels() throws {
        let from = try ScratchProject(), to = try ScratchProject()
        for project in [from, to] { try project.write("dbag.yml", "metrics:\n  comments: { per: customer }\n") }
        #expect(try CLITests.dbag(["record", "comments", "3", "--key", "acme", "--label", "Acme, Inc.", "--date", "2026-01-05"], in: from).status == 0)
        #expect(try CLITests.dbag(["record", "comments", "1", "--key", "globex", "--label", "Globex \"G\"", "--date", "2026-01-05"], in: from).status == 0)
        let labels = try CLITests.dbag(["export", "--labels"], in: from)
        #expect(labels.status == 0)
        #expect(labels.stdout == "metric,key,label\ncomments,acme,\"Acme, Inc.\"\ncomments,globex,\"Globex \"\"G\"\"\"\n")
        try to.write("values.csv", try CLITests.dbag(["export"], in: from).stdout)
        try to.write("labels.csv", labels.stdout)
        #expect(try CLITests.dbag(["import", "values.csv"], in: to).status == 0)
        let imported = try CLITests.dbag(["import", "labels.csv"], in: to)
        #expect(imported.status == 0)
        #expect(imported.stdout == "imported 2 labels of 1 metric\n")
        #expect(try CLITests.dbag(["export", "--labels"], in: to).stdout == labels.stdout)
        try to.write("bad.csv", "metric,key,label\ncomments,,Nobody\n")
        let bad = try CLITests.dbag(["import", "bad.csv"], in: to)
        #expect(bad.status == 1)
        #expect(bad.stderr == "bad.csv:2:10: error: a label needs an object key\n")
    }

    @Test func metricsJudgesStalenessByTheNewestDayAndBuildWarnsOfUnknownKeys() throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", "metrics:\n  deploys:\n  comments: { per: customer }\n  never:\n")
        try project.write("dashboards/index.md", "::stat{metric=comments key=acme}\n\n::stat{metric=comments key=acmee}\n")
        #expect(try CLITests.dbag(["record", "deploys", "1", "--date", "2020-01-01"], in: project).status == 0)
        #expect(try CLITests.dbag(["record", "comments", "2", "--key", "acme"], in: project).status == 0)
        let table = try CLITests.dbag(["metrics"], in: project).stdout
        #expect(table.contains("stale since 2020-01-01"), "recorded today, but for a day long past")
        #expect(table.split(separator: "\n").first { $0.hasPrefix("never") }?.hasSuffix("never") == true)
        #expect(table.split(separator: "\n").first { $0.hasPrefix("comments") }?.hasSuffix("ok") == true)
        let build = try CLITests.dbag(["build"], in: project)
        #expect(build.status == 0)
        #expect(build.stderr.contains("dashboards/index.md:3:24: warning: no values of 'comments' for key 'acmee' in the store (did you mean 'acme'?)"))
        #expect(!build.stderr.contains(":1:"))
    }

    @Test func aFailedFirstBuildDoesNotMentionAPreviousSite() throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", "metrics:\n  deploys:\n")
        try project.write("dashboards/index.md", "::stat{metric=deploy}\n")
        let first = try CLITests.dbag(["build"], in: project)
        #expect(first.status == 1)
        #expect(!first.stderr.contains("previous site"))
        #expect(first.stderr.contains("nothing was written"))
        try project.write("dashboards/index.md", "::stat{metric=deploys}\n")
        #expect(try CLITests.dbag(["build"], in: project).status == 0)
        try project.write("dashboards/index.md", "::stat{metric=deploy}\n")
        #expect(try CLITests.dbag(["build"], in: project).stderr.contains("the previous site is unchanged"))
    }

    @Test func badBaseURLsAreRefused() throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", "metrics:\n  deploys:\n")
        try project.write("dashboards/index.md", "::stat{metric=deploys}\n")
        for url in ["./", "file:///tmp/site", "metrics/", "https://", "/a b/"] {
            let run = try CLITests.dbag(["build", "--base-url", url], in: project)
            #expect(run.status == 1, "\(url)")
            #expect(run.stderr.contains("--base-url"), "\(url): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: project.path + "/site"))
        try project.write("dbag.yml", "title: x\nbase_url: ./\nmetrics:\n  deploys:\n")
        let located = try CLITests.dbag(["build"], in: project)
        #expect(located.status == 1)
        #expect(located.stderr.hasPrefix("dbag.yml:2:11: error: './' is not a public address"))
    }
}
