import Foundation

/// Reads a project and its git repository to write a workflow that works as it is:
/// the project's folder in the repository, where the store lives, which `${NAME}`
/// variables become secrets, where CI gets dbag, and what CI cannot reach.
public enum CronSetup {
    /// The workflow's template and warnings (sources CI cannot reach, an unknown dbag source).
    /// `executable` is the running dbag; `dbagSource`/`ref` override where CI builds dbag from.
    public static func plan(config: Config, configText: String, executable: URL,
                            dbagSource: String? = nil, ref: String? = nil) -> (template: CronTemplate, warnings: [String]) {
        var warnings: [String] = []
        let project = config.directory.standardizedFileURL
        let root = Git.root(of: project)
        if root == nil {
            warnings.append("\(project.path) is not in a git repository: commit the project to GitHub first (the workflow checks the repository out)")
        }
        let base = root ?? project
        let projectPath = relative(project.path, to: base.path) ?? ""
        var storePath = relative(config.storePath, to: base.path)
        if storePath == nil {
            warnings.append("the store \(config.storePath) lies outside the repository: CI cannot keep it; set `store:` to a path inside the project (default .dbag/metrics.sqlite)")
            storePath = nil
        }
        for source in config.sources.values.sorted(by: { $0.name < $1.name }) {
            guard let file = source.path else {
                if let address = source.address.connectionString, isPrivateHost(address.template) {
                    warnings.append("source '\(source.name)' names a host on this machine or a private network: GitHub's runners cannot reach it")
                }
                continue
            }
            guard let path = relative(file, to: base.path) else {
                warnings.append("source '\(source.name)' (\(file)) lies outside the repository: CI cannot reach it, and its metrics will fail there")
                continue
            }
            if let root, !Git.tracks(path, in: root) {
                warnings.append("source '\(source.name)' (\(path)) is not committed: CI's checkout will not have it")
            }
        }
        let secrets = EnvironmentString(configText).names
        let source = dbagSource.map { DbagSource.repository(url: $0, ref: ref ?? "HEAD") }
            ?? detectSource(projectRoot: root, executable: executable)
        if source == .variable {
            warnings.append("cannot tell where CI can get dbag's source: set the repository variable DBAG_SOURCE to its git URL, or run `dbag cron --dbag-source URL`")
        }
        let repository = root.flatMap { Git.output(["config", "--get", "remote.origin.url"], in: $0) }.flatMap(CronTemplate.gitHubRepository)
        if root != nil, repository == nil {
            warnings.append("the repository has no GitHub remote `origin`: push it to GitHub, where the workflow runs")
        }
        return (CronTemplate(projectPath: projectPath, storePath: storePath, secrets: secrets, source: source, repository: repository), warnings)
    }

    /// The project's own checkout when it is dbag's repository; else the git
    /// repository the running binary was built from (its build folder, or the
    /// `share/dbag/source` note `scripts/install.sh` leaves), pinned at its commit.
    static func detectSource(projectRoot: URL?, executable: URL) -> DbagSource {
        if let projectRoot, isDbagPackage(projectRoot) { return .checkout }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let note = folder.deletingLastPathComponent().appendingPathComponent("share/dbag/source")
        if let text = try? String(contentsOf: note, encoding: .utf8) {
            let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
            if parts.count == 2, DbagSource.isReachable(parts[0]) { return .repository(url: parts[0], ref: parts[1]) }
        }
        while folder.path != "/" {
            if isDbagPackage(folder) {
                guard let url = Git.output(["config", "--get", "remote.origin.url"], in: folder), DbagSource.isReachable(url),
                      let commit = Git.output(["rev-parse", "HEAD"], in: folder) else { return .variable }
                return .repository(url: url, ref: commit)
            }
            folder = folder.deletingLastPathComponent()
        }
        return .variable
    }

    /// Whether a connection string names localhost, a socket or a private-looking host.
    static func isPrivateHost(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["localhost", "127.0.0.1", "[::1]", "host=/", ".internal", ".local", "@10.", "@192.168.", "host=10.", "host=192.168.", "socket="]
            .contains { lower.contains($0) }
    }

    /// Whether a folder holds dbag's Package.swift.
    static func isDbagPackage(_ folder: URL) -> Bool {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("Package.swift"), encoding: .utf8) else { return false }
        return text.contains("name: \"dbag\"")
    }

    /// `path` relative to `base` when it lies inside it.
    static func relative(_ path: String, to base: String) -> String? {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: base).standardizedFileURL.resolvingSymlinksInPath().path
        if resolved == root { return "" }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : nil
    }
}
