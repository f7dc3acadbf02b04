import Foundation
import Testing
@testable import DbagKit

@Suite struct SeriesLoaderTests {
    func project(sql: String) throws -> TestProject {
        let project = try TestProject("""
        -- dbag.yml --
        sources:
          app: { sqlite: app.db }
        metrics:
          signups:
            series: { source: app, sql: "\(sql)" }
        -- dashboards/index.md --
        ::chart{metric=signups period=all}
        """)
        let db = try SQLiteDatabase(path: project.url.appendingPathComponent("app.db").path)
        try db.execute("""
            CREATE TABLE users (created TEXT, team TEXT, name TEXT);
            INSERT INTO users VALUES ('2025-01-01', 'a', 'Team A'), ('2025-01-01', 'b', 'Team B'), ('2025-01-03', 'a', 'Team A'), ('bad', 'a', 'Team A');
            """)
        return project
    }

    @Test func rowsOfDayAndValueAreDrawnAndPublishedButNeverStored() throws {
        let project = try project(sql: "SELECT created AS day, count(*) AS value FROM users WHERE created <> 'bad' GROUP BY 1")
        defer { project.remove() }
        let site = try project.build()
        #expect(site["data/signups.csv"] == "metric,key,day,value\nsignups,,2025-01-01,2\nsignups,,2025-01-03,1\n")
        #expect(site["index.html"]?.contains("chart-svg") == true)
        #expect(!FileManager.default.fileExists(atPath: try project.config().storePath))
    }

    @Test func rowsWithKeysAndLabelsMakeObjects() throws {
        let project = try project(sql: "SELECT created AS day, team AS key, name AS label, count(*) AS value FROM users WHERE created <> 'bad' GROUP BY 1, 2")
        defer { project.remove() }
        let loaded = try SeriesLoader.load(config: try project.config())
        #expect(loaded.series["signups"]?["a"]?.map(\.value) == [1, 1])
        #expect(loaded.labels["signups"]?["b"] == "Team B")
    }

    @Test func aBadDayNamesTheMetricAndRow() throws {
        let project = try project(sql: "SELECT created AS day, 1 AS value FROM users ORDER BY created DESC")
        defer { project.remove() }
        let error = try #require(throws: DiagnosticList.self) { try project.build() }
        #expect(error.diagnostics.first?.description.hasPrefix("dbag.yml:4:3: error: series 'signups': row 1: day 'bad' is not YYYY-MM-DD") == true)
    }

    @Test func aNonNumberNamesTheRow() throws {
        let project = try project(sql: "SELECT created AS day, name AS value FROM users WHERE created <> 'bad' ORDER BY 1")
        defer { project.remove() }
        let error = try #require(throws: DiagnosticList.self) { try project.build() }
        #expect(error.diagnostics.first?.message.contains("row 1: value 'Team A' is not a number") == true)
    }

    @Test func theSourceIsReadOnly() throws {
        let project = try project(sql: "DELETE FROM users RETURNING created AS day, 1 AS value")
        defer { project.remove() }
        #expect(throws: DiagnosticList.self) { try project.build() }
        let db = try SQLiteDatabase(path: project.url.appendingPathComponent("app.db").path, readOnly: true)
        let count = try db.prepare("SELECT count(*) FROM users")
        _ = try count.step()
        #expect(count.int(0) == 4)
    }
}
