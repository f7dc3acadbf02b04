import Foundation
import Testing
@testable import DbagKit

/// A NUL byte inside text is neither cut at nor stored: it is read whole and refused at input.
@Suite struct NULTextTests {
    let project: ScratchProject

    init() throws {
        project = try ScratchProject()
        try project.database("app.db", """
            CREATE TABLE t (k TEXT, label TEXT, v INTEGER);
            INSERT INTO t VALUES (CAST(X'610062' AS TEXT), 'A', 5), ('c', CAST(X'780079' AS TEXT), 6);
            """)
    }

    @Test func textIsReadWithItsLength() throws {
        let db = try SQLiteDatabase(path: project.directory.appendingPathComponent("app.db").path, readOnly: true)
        let statement = try db.prepare("SELECT k FROM t WHERE v = 5")
        #expect(try statement.step())
        #expect(Array(statement.string(0).utf8) == [0x61, 0x00, 0x62])
    }

    @Test func boundTextKeepsItsNUL() throws {
        let db = try SQLiteDatabase(path: project.directory.appendingPathComponent("scratch.db").path)
        let statement = try db.prepare("SELECT length(CAST(? AS BLOB))")
        try statement.bind(.text("a\0b"), at: 1)
        #expect(try statement.step())
        #expect(statement.int(0) == 3)
    }

    /// `dbag collect` fails the metric, naming the NUL, and stores nothing for it.
    @Test(arguments: [("k", "key"), ("label", "label")])
    func collectRefusesNULInRows(_ column: String, _ what: String) async throws {
        let filter = column == "k" ? "v = 5" : "v = 6"
        try project.write("dbag.yml", """
            sources:
              app: { sqlite: app.db }
            metrics:
              by-key:
                per: customer
                collect: { source: app, sql: "SELECT k AS key, label, v AS value FROM t WHERE \(filter)" }
            """)
        let run = try await CLITests.dbagOffPool(["collect", "--date", "2026-01-05"], in: project)
        #expect(run.status == 2)
        #expect(run.stderr.contains("by-key: the \(what) '\(column == "k" ? "a" : "x")\\0\(column == "k" ? "b" : "y")' holds a NUL byte"), "\(run.stderr)")
        let store = try MetricStore(path: project.directory.appendingPathComponent(".dbag/metrics.sqlite").path, readOnly: true)
        #expect(try store.allSeries().isEmpty)
    }

    @Test func seriesRefusesNULKey() throws {
        let config = try project.config("""
            sources:
              app: { sqlite: app.db }
            metrics:
              s:
                series: { source: app, sql: "SELECT '2026-01-01' AS day, k AS key, v AS value FROM t" }
            """)
        #expect(throws: DiagnosticList.self) { try SeriesLoader.load(config: config) }
    }

    @Test func recordAndSaveRefuseNUL() throws {
        let config = try project.config("metrics:\n  m:\n    per: customer\n")
        #expect(throws: Diagnostic("the key 'a\\0b' holds a NUL byte")) {
            try Recording.value(slug: "m", text: "1", key: "a\0b", day: Day(ordinal: 1), config: config)
        }
        let store = try project.store()
        #expect(throws: Diagnostic("the label 'x\\0' holds a NUL byte")) {
            try store.save([StoredValue(metric: "m", key: "a", day: Day(ordinal: 1), value: 1)], labels: [("m", "a", "x\0")])
        }
        #expect(try store.allSeries().isEmpty)
    }
}
