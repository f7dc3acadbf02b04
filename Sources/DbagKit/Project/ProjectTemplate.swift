import Foundation

/// The starter project `dbag init` writes: it collects and builds with no other setup.
public enum ProjectTemplate {
    /// Relative path → contents.
    public static let files: [(path: String, text: String)] = [
        ("dbag.yml", """
            title: My metrics
            # base_url: https://you.github.io/metrics/   # the public address, for canonical links; links work without it
            theme: default
            store: .dbag/metrics.sqlite
            timezone: UTC
            # sources:                       # SQLite databases metrics may read (always read-only)
            #   app: { sqlite: ../app/db.sqlite3 }
            metrics:
              dashboard-files:
                name: Dashboard files
                description: Markdown files under dashboards/, counted by a shell command.
                unit: dashboard files
                collect: { command: "find dashboards -name '*.md' | wc -l", timeout: 10s }
              deploys:
                name: Deploys
                description: Pushed from CI with `dbag record deploys 1`.
                unit: { one: deploy, other: deploys }
                aggregate: sum
              # users:
              #   collect: { source: app, sql: "SELECT count(*) FROM users" }
              # stars:
              #   collect: { http: "https://api.github.com/repos/OWNER/REPO", json: stargazers_count }

            """),
        ("dashboards/index.md", """
            ---
            title: Overview
            ---

            # Overview

            We keep :value{metric=dashboard-files}.

            :::grid{columns=2}
            ::stat{metric=dashboard-files}
            ::stat{metric=deploys}
            :::

            ::chart{metric=deploys period=90d by=week}

            """),
        (".gitignore", """
            site/
            .dbag/

            """),
    ]

    /// Writes the starter files into `directory`; refuses when dbag.yml exists there.
    /// Returns the paths written.
    public static func write(to directory: URL) throws -> [String] {
        let manager = FileManager.default
        let config = directory.appendingPathComponent("dbag.yml")
        if manager.fileExists(atPath: config.path) {
            throw Diagnostic("\(config.path) already exists; not overwriting it")
        }
        var written: [String] = []
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            if path != "dbag.yml", manager.fileExists(atPath: url.path) { continue }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            written.append(path)
        }
        return written
    }
}
