import Foundation
import Testing
@testable import DbagKit

@Suite struct CollectionTests {
    @Test func aHangingMetricDoesNotLoseTheOthers() async throws {
        let project = try ScratchProject()
        try project.database("app.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);")
        let config = try project.config("""
            sources:
              app: { sqlite: app.db }
            metrics:
              hang:
                collect: { command: "sleep 60", timeout: 1s }
              rows:
                collect: { source: app, sql: "SELECT count(*) FROM t" }
              broken:
                collect: { command: "exit 1" }
              echo:
                collect: { command: "echo 7" }
              pushed:
              off:
                active: false
                collect: { command: "echo 1" }
            """)
        let store = try project.store()
        let day = try #require(Day("2026-01-05"))
        let start = Date()
        let report = try await Collection(config: config).run(day: day, into: store)
        #expect(Date().timeIntervalSince(start) < 40)
        #expect(report.outcomes.map(\.slug) == ["hang", "rows", "broken", "echo"])
        #expect(report.failures.map(\.slug) == ["hang", "broken"])
        #expect(try store.series("rows") == [DayValue(day: day, value: 2)])
        #expect(try store.series("echo") == [DayValue(day: day, value: 7)])
        let runs = try store.latestRuns()
        #expect(runs["hang"]?.error?.contains("timed out") == true)
        #expect(runs["rows"]?.error == nil)
        #expect(runs["off"] == nil)
    }

    @Test func collectingTwiceADayReplacesThatDay() async throws {
        let project = try ScratchProject()
        try project.database("app.db", "CREATE TABLE c (k, v); INSERT INTO c VALUES ('a', 1), ('b', 2);")
        let config = try project.config("""
            sources:
              app: { sqlite: app.db }
            metrics:
              per-c:
                per: customer
                collect: { source: app, sql: "SELECT k, v FROM c" }
            """)
        let store = try project.store()
        let day = try #require(Day("2026-01-05"))
        _ = try await Collection(config: config).run(day: day, into: store)
        try project.database("app.db", "DELETE FROM c WHERE k = 'b'; UPDATE c SET v = 5;")
        _ = try await Collection(config: config).run(day: day, into: store)
        _ = try await Collection(config: config).run(day: day, into: store)
        #expect(try store.allSeries()["per-c"] == ["a": [DayValue(day: day, value: 5)]])
    }

    @Test func namedMetrics() throws {
        let project = try ScratchProject()
        let config = try project.config("""
            metrics:
              open-issues:
                collect: { command: "echo 1" }
              off:
                active: false
                collect: { command: "echo 1" }
              pushed:
            """)
        let collection = Collection(config: config)
        #expect(try collection.metrics(named: []).map(\.slug) == ["open-issues"])
        #expect(try collection.metrics(named: ["off"]).map(\.slug) == ["off"])
        #expect(throws: DiagnosticList.self) { try collection.metrics(named: ["pushed"]) }
        do {
            _ = try collection.metrics(named: ["open-isues"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: unknown metric 'open-isues' (did you mean 'open-issues'?)")
        }
    }
}
