import Foundation

/// What `dbag cron` prints: a crontab line and a GitHub Actions workflow.
public enum CronTemplate {
    /// A crontab line that collects daily at 06:17 in `project`, logging to .dbag/collect.log.
    public static func crontab(project: String, executable: String) -> String {
        "17 6 * * * cd \(quoted(project)) && \(quoted(executable)) collect >> .dbag/collect.log 2>&1"
    }

    /// A workflow that collects daily, builds and publishes to GitHub Pages.
    public static let workflow = """
        # .github/workflows/metrics.yml — collect daily, build, publish to GitHub Pages.
        # The store (.dbag/metrics.sqlite) is the only copy of your history: it is
        # committed back to the repository after each run (a cache would be evicted
        # after 7 days without use, and history cannot be collected again).
        name: metrics
        on:
          schedule:
            - cron: "17 6 * * *"     # daily, 06:17 UTC
          workflow_dispatch: {}
        permissions:
          contents: write            # to commit the store
          pages: write               # to publish
          id-token: write
        concurrency: { group: metrics, cancel-in-progress: false }
        jobs:
          collect-and-publish:
            runs-on: ubuntu-latest
            container: swift:6.2
            steps:
              - uses: actions/checkout@v4
              - name: Install dbag
                run: |
                  apt-get update -qq && apt-get install -y -qq libcmark-dev libsqlite3-dev pkg-config git
                  git clone --depth 1 https://github.com/OWNER/dbag /tmp/dbag
                  swift build -c release --package-path /tmp/dbag
                  install /tmp/dbag/.build/release/dbag /usr/local/bin/dbag
              - name: Collect
                # Exit 2 means some collectors failed; the others' values are saved, so keep going.
                run: dbag collect || [ $? -eq 2 ]
                env:
                  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}   # for http headers such as "Bearer ${GITHUB_TOKEN}"
              - name: Build
                run: dbag build --out site
              - name: Commit the store
                run: |
                  git config --global --add safe.directory "$GITHUB_WORKSPACE"
                  git config user.name "dbag" && git config user.email "dbag@users.noreply.github.com"
                  git add -f .dbag/metrics.sqlite
                  git commit -m "metrics: collect $(date -u +%F)" || echo "nothing to commit"
                  git push
              - uses: actions/upload-pages-artifact@v3
                with: { path: site }
              - uses: actions/deploy-pages@v4

        """

    /// Single-quotes a path for the shell.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
