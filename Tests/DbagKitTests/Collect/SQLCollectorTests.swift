import Foundation
import Testing
@testable import DbagKit

@Suite struct SQLCollectorTests {
    let project: ScratchProject
    let config: Config

    init() throws {
        project = try ScratchProject()
        try project.database("app.db", """
            CREATE TABLE users (id INTEGER PRIMARY KEY, company TEXT, company_name TEXT, active INTEGER);
            INSERT INTO users (company, company_name, active) VALUES
              ('acme', 'Acme Corp', 1), ('acme', 'Acme Corp', 0), ('globex', 'Globex', 1), ('initech', NULL, 1);
            """)
        config = try project.config("""
            sources:
              app: { sqlite: app.db }
            metrics:
              users:
                collect: { source: app, sql: "SELECT count(*) FROM users" }
              named:
                collect: { source: app, sql: "SELECT 'x' AS label, sum(active) AS value FROM users" }
              wipe:
                collect: { source: app, sql: "DELETE FROM users" }
              by-company:
                per: customer
                collect: { source: app, sql: "SELECT count(*) AS value, company_name AS label, company AS key FROM users GROUP BY company" }
              by-position:
                per: customer
                collect: { source: app, sql: "SELECT company, company_name, count(*) FROM users GROUP BY 1" }
              two-columns:
                per: customer
                collect: { source: app, sql: "SELECT company, sum(active) FROM users GROUP BY 1" }
              endless:
                collect: { source: app, timeout: 500ms, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c" }
              empty:
                collect: { source: app, sql: "SELECT 1 WHERE 0" }
              many:
                collect: { source: app, sql: "SELECT id FROM users" }
            """)
    }

    @Test func singleValue() async throws {
        #expect(try await ScratchProject.collect("users", in: config) == [CollectedValue(value: 4)])
        #expect(try await ScratchProject.collect("named", in: config) == [CollectedValue(value: 3)])
    }

    @Test func sourceIsReadOnly() async throws {
        let message = await ScratchProject.errorText { try await ScratchProject.collect("wipe", in: config) }
        #expect(message?.contains("DELETE is not allowed") == true)
        let db = try SQLiteDatabase(path: project.directory.appendingPathComponent("app.db").path, readOnly: true)
        let count = try db.prepare("SELECT count(*) FROM users")
        try count.step()
        #expect(count.int(0) == 4)
    }

    @Test func perObjectRowsByName() async throws {
        let values = try await ScratchProject.collect("by-company", in: config)
        #expect(values == [
            CollectedValue(key: "acme", label: "Acme Corp", value: 2),
            CollectedValue(key: "globex", label: "Globex", value: 1),
            CollectedValue(key: "initech", label: nil, value: 1),
        ])
    }

    @Test func perObjectRowsByPosition() async throws {
        let three = try await ScratchProject.collect("by-position", in: config)
        #expect(three.first == CollectedValue(key: "acme", label: "Acme Corp", value: 2))
        let two = try await ScratchProject.collect("two-columns", in: config)
        #expect(two == [CollectedValue(key: "acme", value: 1), CollectedValue(key: "globex", value: 1), CollectedValue(key: "initech", value: 1)])
    }

    @Test func timeoutInterruptsTheQuery() async throws {
        let start = Date()
        let message = await ScratchProject.errorText { try await ScratchProject.collect("endless", in: config) }
        #expect(message?.contains("timed out after 500ms") == true)
        // The query never ends by itself; the bound only has to be finite (generous for a loaded machine).
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func noRowsAndTooManyRowsAreErrors() async throws {
        #expect(await ScratchProject.errorText { try await ScratchProject.collect("empty", in: config) }?.contains("no rows") == true)
        #expect(await ScratchProject.errorText { try await ScratchProject.collect("many", in: config) }?.contains("more than one row") == true)
    }
}
