import Foundation

/// What `dbag cron` prints: a crontab line and a GitHub Actions workflow that
/// works when committed as it is.
public struct CronTemplate: Sendable {
    /// The project folder relative to the repository's root (`""` at the root).
    public var projectPath: String
    /// The store's path relative to the repository's root, committed back after
    /// each run; nil when the store lies outside the repository.
    public var storePath: String?
    /// Environment variables dbag.yml names as `${NAME}`: each becomes a secret.
    public var secrets: [String]
    public var source: DbagSource
    /// The project's repository (`owner/name`) from `git remote get-url origin`, when it is on GitHub.
    public var repository: String?

    public init(projectPath: String, storePath: String?, secrets: [String], source: DbagSource, repository: String? = nil) {
        self.repository = repository
        self.projectPath = projectPath
        self.storePath = storePath
        self.secrets = secrets
        self.source = source
    }

    /// A crontab line that collects and then builds daily at 06:17 in `project`
    /// (the build runs even when some collectors failed), logging to .dbag/cron.log.
    public static func crontab(project: String, executable: String) -> String {
        let dbag = ShellQuote.quoted(executable)
        return "17 6 * * * cd \(ShellQuote.quoted(project)) && mkdir -p .dbag && { \(dbag) collect; \(dbag) build; } >> .dbag/cron.log 2>&1"
    }

    /// The workflow file, `.github/workflows/metrics.yml`.
    public var workflow: String {
        let directory = projectPath.isEmpty ? "" : "\n    defaults: { run: { working-directory: \(yamlQuoted(projectPath)) } }"
        let env = secrets.isEmpty ? "" : "\n    env:" + secrets.map { "\n      \($0): ${{ secrets.\($0) }}" }.joined()
        let storeSteps: String
        if let storePath {
            storeSteps = """

                  - name: Commit the store
                    # History cannot be collected again: keep it in the repository.
                    run: |
                      git config --global --add safe.directory "$GITHUB_WORKSPACE"
                      git config user.name "dbag" && git config user.email "dbag@users.noreply.github.com"
                      cd "$GITHUB_WORKSPACE"
                      git add -f \(ShellQuote.quoted(storePath))
                      git commit -m "metrics: collect $(date -u +%F)" || echo "nothing to commit"
                      git pull --rebase && git push
            """
        } else {
            storeSteps = ""
        }
        return """
            # .github/workflows/metrics.yml, written by `dbag cron`: commit it as it is.
            # Daily at 06:17 UTC it collects today's values, builds the site and
            # publishes it with the official GitHub Pages actions (repository
            # Settings → Pages → Source: GitHub Actions).\(repository.map { "\n# Repository: \($0); the site: \(Self.pagesAddress(of: $0))" } ?? "")\(storePath == nil ? "" : """

            # The store (\(storePath ?? "")) is the only copy of your history: it is
            # committed back after each run (an Actions cache is evicted after 7 days).
            """)\(secrets.isEmpty ? "" : """

            # Add these repository secrets (Settings → Secrets and variables → Actions): \(secrets.joined(separator: ", ")).
            """)
            name: metrics
            on:
              schedule:
                - cron: "17 6 * * *"
              workflow_dispatch: {}
            permissions:
              contents: write
              pages: write
              id-token: write
            concurrency: { group: metrics, cancel-in-progress: false }
            jobs:
              collect:
                runs-on: ubuntu-latest
                container: swift:6.2\(directory)\(env)
                steps:
                  - name: System packages
                    run: apt-get update -qq && apt-get install -y -qq git libcmark-dev libsqlite3-dev libcurl4-openssl-dev pkg-config
                  - uses: actions/checkout@v4
            \(installSteps)
                  - name: Collect
                    # Exit 2: some collectors failed; the others' values are saved, so go on.
                    run: dbag collect || [ $? -eq 2 ]
                  - id: pages
                    uses: actions/configure-pages@v5
                  - name: Build
                    run: dbag build --out "$GITHUB_WORKSPACE/_site" --base-url "${{ steps.pages.outputs.base_url }}/"\(storeSteps)
                  - uses: actions/upload-pages-artifact@v3
                    with: { path: "${{ github.workspace }}/_site" }
              deploy:
                needs: collect
                runs-on: ubuntu-latest
                environment: { name: github-pages, url: "${{ steps.deployment.outputs.page_url }}" }
                steps:
                  - id: deployment
                    uses: actions/deploy-pages@v4

            """
    }

    /// The steps that put dbag on the PATH: a release build with the Swift
    /// runtime linked in, cached by the commit it builds.
    var installSteps: String {
        switch source {
        case .checkout:
            return """
                      - name: Install dbag (built from this repository)
                        working-directory: ${{ github.workspace }}
                        run: bash scripts/install.sh /usr/local
                """
        case .repository(let url, let ref):
            return """
                      - name: Install dbag (built from \(url) at \(ref))
                        working-directory: /tmp
                        run: |
                          git clone --quiet \(ShellQuote.quoted(url)) dbag-src
                          git -C dbag-src checkout --quiet \(ShellQuote.quoted(ref))
                          bash dbag-src/scripts/install.sh /usr/local
                """
        case .variable:
            return """
                      - name: Install dbag (built from the repository variable DBAG_SOURCE, e.g. https://github.com/OWNER/dbag.git)
                        working-directory: /tmp
                        run: |
                          git clone --quiet --depth 1 "${{ vars.DBAG_SOURCE }}" dbag-src
                          bash dbag-src/scripts/install.sh /usr/local
                """
        }
    }

    /// GitHub Pages' address for `owner/name`: `https://owner.github.io/name/`
    /// (`owner.github.io` itself is served at the root).
    public static func pagesAddress(of repository: String) -> String {
        let parts = repository.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return "" }
        let host = parts[0].lowercased() + ".github.io"
        return parts[1].lowercased() == host ? "https://\(host)/" : "https://\(host)/\(parts[1])/"
    }

    /// `owner/name` of a GitHub remote URL (`https://github.com/o/n.git`, `git@github.com:o/n.git`), else nil.
    public static func gitHubRepository(fromRemote url: String) -> String? {
        var rest: Substring
        if let range = url.range(of: "github.com/") ?? url.range(of: "github.com:") {
            rest = url[range.upperBound...]
        } else {
            return nil
        }
        if rest.hasSuffix(".git") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: "/")
        return parts.count == 2 ? parts.joined(separator: "/") : nil
    }

    func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
