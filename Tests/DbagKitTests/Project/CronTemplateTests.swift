import Foundation
import Testing
import Yams
@testable import DbagKit

/// `dbag cron`'s workflow, parsed as GitHub Actions would read it.
@Suite struct CronTemplateTests {
    func parsed(_ template: CronTemplate) throws -> [String: Any] {
        try #require(try Yams.load(yaml: template.workflow) as? [String: Any])
    }

    func steps(_ workflow: [String: Any], job: String) throws -> [[String: Any]] {
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let body = try #require(jobs[job] as? [String: Any])
        return try #require(body["steps"] as? [[String: Any]])
    }

    @Test func collectsBuildsCommitsTheStoreAndPublishesWithThePagesActions() throws {
        let template = CronTemplate(projectPath: "", storePath: ".dbag/metrics.sqlite", secrets: ["PROD_DB_PASSWORD", "GITHUB_TOKEN"],
                                    source: .repository(url: "https://github.com/acme/dbag.git", ref: "0123abc"), repository: "acme/metrics")
        #expect(template.workflow.contains("# Repository: acme/metrics; the site: https://acme.github.io/metrics/"))
        let workflow = try parsed(template)
        let on = try #require(workflow["on"] as? [String: Any])
        let schedule = try #require(on["schedule"] as? [[String: Any]])
        #expect(schedule.first?["cron"] as? String == "17 6 * * *")
        let permissions = try #require(workflow["permissions"] as? [String: Any])
        #expect(permissions["pages"] as? String == "write" && permissions["id-token"] as? String == "write")

        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let collect = try #require(jobs["collect"] as? [String: Any])
        let env = try #require(collect["env"] as? [String: Any])
        #expect(env["PROD_DB_PASSWORD"] as? String == "${{ secrets.PROD_DB_PASSWORD }}")
        #expect(env["GITHUB_TOKEN"] as? String == "${{ secrets.GITHUB_TOKEN }}")

        let collectSteps = try steps(workflow, job: "collect")
        let uses = collectSteps.compactMap { $0["uses"] as? String }
        #expect(uses == ["actions/checkout@v4", "actions/configure-pages@v5", "actions/upload-pages-artifact@v3"])
        let runs = collectSteps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        #expect(runs.contains("git clone --quiet https://github.com/acme/dbag.git dbag-src"))
        #expect(runs.contains("checkout --quiet 0123abc"))
        #expect(runs.contains("bash dbag-src/scripts/install.sh /usr/local"))
        #expect(runs.contains("dbag collect || [ $? -eq 2 ]"))
        #expect(runs.contains("dbag build --out"))
        #expect(runs.contains("git add -f .dbag/metrics.sqlite"))
        #expect(runs.contains("git push"))
        #expect(!template.workflow.contains("OWNER"))

        let deploy = try #require(jobs["deploy"] as? [String: Any])
        #expect(deploy["needs"] as? String == "collect")
        #expect(try steps(workflow, job: "deploy").compactMap { $0["uses"] as? String } == ["actions/deploy-pages@v4"])
    }

    @Test func aProjectInASubfolderRunsThereAndAnOutsideStoreIsNotCommitted() throws {
        let workflow = try parsed(CronTemplate(projectPath: "metrics", storePath: nil, secrets: [], source: .checkout))
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let collect = try #require(jobs["collect"] as? [String: Any])
        let defaults = try #require(collect["defaults"] as? [String: Any])
        #expect((defaults["run"] as? [String: Any])?["working-directory"] as? String == "metrics")
        #expect(collect["env"] == nil)
        let runs = try steps(workflow, job: "collect").compactMap { $0["run"] as? String }.joined(separator: "\n")
        #expect(runs.contains("bash scripts/install.sh /usr/local"))
        #expect(!runs.contains("git push"))
    }

    @Test(arguments: [("https://github.com/acme/metrics.git", "acme/metrics"), ("git@github.com:acme/metrics.git", "acme/metrics"),
                      ("https://gitlab.com/acme/metrics.git", nil), ("/srv/git/metrics", nil)])
    func gitHubRepositoryFromOrigin(_ remote: String, _ repository: String?) {
        #expect(CronTemplate.gitHubRepository(fromRemote: remote) == repository)
    }

    @Test func ciBuildsDbagFromWhereThisOneWasBuilt() throws {
        let prefix = try TemporaryFolder()
        defer { prefix.remove() }
        try prefix.write("bin/dbag", "")
        let executable = prefix.url.appendingPathComponent("bin/dbag")
        #expect(CronSetup.detectSource(projectRoot: nil, executable: executable) == .variable, "nothing says where it came from")
        try prefix.write("share/dbag/source", "https://github.com/acme/dbag.git 0123abc\n")
        #expect(CronSetup.detectSource(projectRoot: nil, executable: executable) == .repository(url: "https://github.com/acme/dbag.git", ref: "0123abc"))
        try prefix.write("share/dbag/source", "/home/me/dbag 0123abc\n")
        #expect(CronSetup.detectSource(projectRoot: nil, executable: executable) == .variable, "a local path is not reachable from CI")
        let checkout = try TemporaryFolder()
        defer { checkout.remove() }
        try checkout.write("Package.swift", "let package = Package(\n    name: \"dbag\",\n)\n")
        #expect(CronSetup.detectSource(projectRoot: checkout.url, executable: executable) == .checkout)
    }

    @Test func theCrontabLineCollectsThenBuilds() {
        let line = CronTemplate.crontab(project: "/srv/my metrics", executable: "/usr/local/bin/dbag")
        #expect(line == "17 6 * * * cd '/srv/my metrics' && mkdir -p .dbag && { /usr/local/bin/dbag collect; /usr/local/bin/dbag build; } >> .dbag/cron.log 2>&1")
    }

    @Test func planReadsSecretsAndWarnsAboutSourcesCIcannotReach() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        let text = """
            store: .dbag/metrics.sqlite
            sources:
              app: { sqlite: \(outside.path)/app.sqlite3 }
              local: { sqlite: app.sqlite3 }
              prod: { postgres: "postgresql://reader:${PROD_PW}@localhost:5432/app" }
            metrics:
              stars:
                collect: { http: "https://api.github.com/repos/acme/app", json: stargazers_count, headers: { Authorization: "Bearer ${GH_TOKEN}" } }
              other:
                collect: { command: "echo ${API_KEY} ${GH_TOKEN}" }
            """
        try folder.write("dbag.yml", text)
        try folder.write("app.sqlite3", "")
        _ = Git.output(["init", "-q"], in: folder.url)
        _ = Git.output(["remote", "add", "origin", "git@github.com:acme/metrics.git"], in: folder.url)
        let config = try ConfigLoader.load(projectDirectory: folder.url)
        let (template, warnings) = CronSetup.plan(config: config, configText: text, executable: URL(fileURLWithPath: "/nowhere/bin/dbag"),
                                                  dbagSource: "https://example.org/dbag.git", ref: "v0.1.0")
        #expect(template.secrets == ["PROD_PW", "GH_TOKEN", "API_KEY"])
        #expect(template.storePath == ".dbag/metrics.sqlite")
        #expect(template.repository == "acme/metrics")
        #expect(template.source == .repository(url: "https://example.org/dbag.git", ref: "v0.1.0"))
        #expect(warnings.contains { $0.contains("source 'app'") && $0.contains("outside the repository") })
        #expect(warnings.contains { $0.contains("source 'local'") && $0.contains("not committed") })
        #expect(warnings.contains { $0.contains("source 'prod'") && $0.contains("cannot reach it") })
    }
}
