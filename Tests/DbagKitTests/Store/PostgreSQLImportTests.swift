import Foundation
import Testing
@testable import DbagKit

/// Rows into an empty PostgreSQL store go in without the primary key, which is built once
/// after (`copyIntoEmptyTable`); a repeated key (the rows are then read a second time), a
/// store with values, or a role that may not alter the table take the upsert instead.
/// Either way the same table results.
@Suite struct PostgreSQLImportTests {
    static let rows = 2_000
    /// The header and `rows` rows of metric `m`, ten keys, each (key, day) once.
    let csv = "metric,key,day,value\n" + (0..<Self.rows).map { i in
        "m,k\(i % 10),\(Day(ordinal: 20_000 + i / 10)),\(i)\n"
    }.joined()

    /// A fresh store's database and the store.
    func emptyStore() async throws -> (server: PostgresServer, database: String, store: PostgreSQLStore) {
        let server = try await PostgresServer.shared()
        let database = try server.database()
        return (server, database, try #require(try PostgreSQLStore.open(server.socketConninfo(database))))
    }

    /// The columns of `metric_values`' primary key and the OID of its index (a new one once rebuilt).
    func primaryKey(_ server: PostgresServer, _ database: String) throws -> (columns: String, index: String) {
        let result = try server.admin(database).query("""
            SELECT string_agg(a.attname, ',' ORDER BY k.n), min(c.conindid::text) FROM pg_constraint c
            CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
            WHERE c.conrelid = 'metric_values'::regclass AND c.contype = 'p' AND c.conname = 'metric_values_pkey'
            """)
        return (result.text(0, 0), result.text(0, 1))
    }

    func count(_ server: PostgresServer, _ database: String) throws -> Int {
        Int(try server.admin(database).query("SELECT count(*) FROM metric_values").text(0, 0)) ?? -1
    }

    @Test func rowsIntoAnEmptyStoreRebuildTheKey() async throws {
        let (server, database, store) = try await emptyStore()
        let before = try primaryKey(server, database)
        #expect(try store.importCSV(Data(csv.utf8), file: "a.csv").rows == Self.rows)
        let after = try primaryKey(server, database)
        #expect(after.columns == "metric,key,day")
        #expect(after.index != before.index)
        #expect(try count(server, database) == Self.rows)
        #expect(try store.series("m", key: "k3").first == DayValue(day: Day(ordinal: 20_000), value: 3))
        // A second import upserts on that key: a value replaced, a day added, nothing doubled.
        _ = try store.importCSV(Data("metric,key,day,value\nm,k3,\(Day(ordinal: 20_000)),-1\nm,k3,2099-01-01,6\n".utf8), file: "b.csv")
        #expect(try store.series("m", key: "k3").first?.value == -1)
        #expect(try store.series("m", key: "k3").last == DayValue(day: try #require(Day("2099-01-01")), value: 6))
        #expect(try count(server, database) == Self.rows + 1)
    }

    @Test func aBadRowLeavesAnEmptyStoreEmptyAndKeyed() async throws {
        let (server, database, store) = try await emptyStore()
        let error = try #require(throws: Diagnostic.self) {
            try store.importCSV(Data((csv + "m,,2026-01-03,twelve\n").utf8), file: "bad.csv")
        }
        #expect(error.description.hasPrefix("bad.csv:\(Self.rows + 2):15"))
        #expect(try !store.hasValues())
        #expect(try primaryKey(server, database).columns == "metric,key,day")
    }

    @Test func aRepeatedRowTakesTheUpsertAndTheLastWins() async throws {
        let (server, database, store) = try await emptyStore()
        let before = try primaryKey(server, database)
        let summary = try store.importCSV(Data((csv + "m,k3,\(Day(ordinal: 20_000)),7\nn,,2026-01-01,1\n").utf8), file: "a.csv")
        #expect(summary.rows == Self.rows + 2)
        #expect(summary.metrics == ["m", "n"])
        #expect(try store.series("m", key: "k3").first?.value == 7)
        #expect(try count(server, database) == Self.rows + 1)
        #expect(try primaryKey(server, database) == before)
    }

    /// A role allowed to write the store's tables but not to alter them imports all the same.
    @Test func aRoleThatDoesNotOwnTheTablesImports() async throws {
        let (server, database, _) = try await emptyStore()
        try server.admin(database).execute("""
            GRANT CREATE, USAGE ON SCHEMA public TO \(PostgresServer.reader);
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(PostgresServer.reader)
            """)
        let before = try primaryKey(server, database)
        let store = try #require(try PostgreSQLStore.open(server.readerURI(database)))
        #expect(try store.importCSV(Data(csv.utf8), file: "a.csv").rows == Self.rows)
        #expect(try count(server, database) == Self.rows)
        #expect(try server.admin(database).query("SELECT tableowner FROM pg_tables WHERE tablename = 'metric_values'").text(0, 0) == "postgres")
        #expect(try primaryKey(server, database) == before)
    }
}
