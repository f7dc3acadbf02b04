import Foundation
import Testing
@testable import DbagKit

/// Every number and duration in dbag.yml is range-checked with a located
/// error; none reaches a trap in `build`, `check` or `collect`.
@Suite struct ConfigRangeTests {
    @Test(arguments: [
        ("stale_after: 99999999999999999999d", "dbag.yml:5:18: error: 'stale_after' must be at most 3660d, not '99999999999999999999d'"),
        ("stale_after: 3661d", "dbag.yml:5:18: error: 'stale_after' must be at most 3660d, not '3661d'"),
        ("stale_after: 1e9d", "dbag.yml:5:18: error: 'stale_after' must be a duration such as 30s, 5m, 2h or 2d, not '1e9d'"),
        ("stale_after: -1d", "dbag.yml:5:18: error: 'stale_after' must be a duration such as 30s, 5m, 2h or 2d, not '-1d'"),
        ("collect: { command: \"echo 1\", timeout: 99999999999999999999s }", "dbag.yml:5:44: error: 'timeout' must be at most 1d, not '99999999999999999999s'"),
        ("collect: { command: \"echo 1\", timeout: 25h }", "dbag.yml:5:44: error: 'timeout' must be at most 1d, not '25h'"),
        ("series: { source: app, sql: \"SELECT 1\", timeout: 2d }", "dbag.yml:5:54: error: 'timeout' must be at most 1d, not '2d'"),
        ("alert: { above: 1e400 }", "dbag.yml:5:21: error: 'above' must be a number, not '1e400'"),
        ("alert: { below: nan }", "dbag.yml:5:21: error: 'below' must be a number, not 'nan'"),
    ])
    func outOfRangeValuesAreLocatedErrors(_ line: String, _ message: String) {
        let yaml = "sources:\n  app: { sqlite: app.db }\nmetrics:\n  m:\n    \(line)\n"
        #expect(ConfigLoaderTests.errors(yaml) == [message])
    }

    @Test func limitsAreInclusive() {
        #expect(ConfigLoaderTests.errors("metrics:\n  m:\n    stale_after: 3660d\n    collect: { command: x, timeout: 24h }\n").isEmpty)
    }

    @Test func hugeStaleAfterIsAnErrorNotACrash() throws {
        let project = try ScratchProject()
        try project.write("dbag.yml", "metrics:\n  deploys:\n    stale_after: 99999999999999999999d\n")
        try project.write("dashboards/index.md", "::stat{metric=deploys}\n")
        for command in ["build", "check"] {
            let run = try CLITests.dbag([command], in: project)
            #expect(run.status == 1, "\(command) exited \(run.status)")
            #expect(run.stderr.contains("dbag.yml:3:18: error: 'stale_after' must be at most 3660d"))
        }
    }
}
