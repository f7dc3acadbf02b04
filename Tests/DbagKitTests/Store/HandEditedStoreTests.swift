import Foundation
import Testing
@testable import DbagKit

/// A store edited by hand with SQL: every command that reads it says which row is
/// wrong and exits 1; none traps, none shows a different number.
@Suite(.serialized) struct HandEditedStoreTests {
    @Test(arguments: [
        ("UPDATE metric_values SET collected_at = '2026-01-01T9223372036854775807:00:00Z'", "collected_at '2026-01-01T9223372036854775807:00:00Z' is not a UTC time"),
        ("UPDATE metric_values SET collected_at = 'yesterday'", "collected_at 'yesterday' is not a UTC time"),
        ("UPDATE metric_values SET collected_at = '2026-01-01T24:00:00Z'", "collected_at '2026-01-01T24:00:00Z' is not a UTC time"),
        ("UPDATE metric_values SET day = '2026-13-01'", "day '2026-13-01' is not a day"),
        ("UPDATE metric_values SET day = '99999-01-01'", "day '99999-01-01' is not a day"),
        ("UPDATE metric_values SET value = 'abc'", "value 'abc' is not a finite number"),
        ("UPDATE metric_values SET value = 1e999", "value 'Inf' is not a finite number"),
        ("UPDATE metric_values SET value = -1e999", "value '-Inf' is not a finite number"),
        ("UPDATE collection_runs SET started_at = '9223372036854775807'", "started_at '9223372036854775807' is not a UTC time"),
        ("UPDATE collection_runs SET day = 'x'", "collection_runs row (metric 'deploys'): day 'x' is not a day"),
    ])
    func everyReaderNamesTheBadRow(_ edit: String, _ expected: String) async throws {
        let project = try ScratchProject()
        #expect(try await CLITests.dbagOffPool(["init"], in: project).status == 0)
        #expect(try await CLITests.dbagOffPool(["record", "deploys", "3", "--date", "2026-01-05"], in: project).status == 0)
        let store = try SQLiteDatabase(path: project.directory.appendingPathComponent(".dbag/metrics.sqlite").path)
        try store.execute("INSERT INTO collection_runs (metric, day, started_at, finished_at, status) VALUES ('deploys', '2026-01-05', '2026-01-05T06:00:00Z', '2026-01-05T06:00:01Z', 'ok')")
        try store.execute(edit)
        // export writes metric, key, day and value, not the times; build reads what metrics reads
        // (checked for a few edits, to keep the suite light).
        var commands = edit.contains("collection_runs") || edit.contains("collected_at") ? [["metrics"]] : [["metrics"], ["export"]]
        if edit.contains("9223372036854775807") || edit.contains("'abc'") || edit.contains("day = 'x'") { commands.append(["build"]) }
        for command in commands {
            let run = try await CLITests.dbagOffPool(command, in: project)
            #expect(run.status == 1, "\(command): \(run.stderr)")
            #expect(run.stderr.contains(".dbag/metrics.sqlite: error: "), "\(command): \(run.stderr)")
            #expect(run.stderr.contains(expected), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("fix or delete that row"), "\(command): \(run.stderr)")
        }
    }

    @Test(arguments: ["2026-11-25T06:17:03Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
    func timestampsRoundTrip(_ text: String) throws {
        let date = try #require(Timestamp.date(text))
        #expect(Timestamp.string(date) == text)
    }

    @Test(arguments: ["2026-11-25 06:17:03Z", "2026-11-25T06:17:03", "2026-11-25T06:60:00Z", "2026-02-30T00:00:00Z",
                      "2026-11-25T-1:00:00Z", "2026-11-25T06:17:03Z ", ""])
    func malformedTimestampsAreRefused(_ text: String) {
        #expect(Timestamp.date(text) == nil)
    }
}
