import Foundation
import Testing
@testable import DbagKit

/// `importCSV` into a PostgreSQL store: into an empty store rows are copied without the
/// primary key, which is built at the end; every other case falls back to a temporary
/// table and an upsert. Both paths must leave the same table behind.
@Suite struct PostgreSQLImportTests {
    let csv = "metric,key,day,value\nm,,2026-01-01,1\nm,a,2026-01-01,2\nn,,2026-01-02,3\n"

    /// A fresh store's database, its superuser connection string, and the store.
    func emptyStore() async throws -> (server: PostgresServer, database: String, store: PostgreSQLStore) {
        let server = try await PostgresServer.shared()
        let database = try server.database()
        return (server, database, try #require(try PostgreSQLStore.open(server.socketConninfo(database))))
    }

    /// The columns of `metric_values`' primary key, in order ("" when it has none).
    func primaryKey(_ server: PostgresServer, _ database: String) throws -> String {
        let result = try server.admin(database).query("""
            SELECT coalesce(string_agg(a.attname, ',' ORDER BY k.n), '') FROM pg_constraint c
            CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
            WHERE c.conrelid = 'metric_values'::regclass AND c.contype = 'p' AND c.conname = 'metric_values_pkey'
            """)
        return result.text(0, 0)
    }

    @Test func anImportIntoAnEmptyStoreKeepsItsPrimaryKey() async throws {
        let (server, database, store) = try await emptyStore()
        #expect(try store.importCSV(Data(csv.utf8), file: "a.csv").rows == 3)
        #expect(try primaryKey(server, database) == "metric,key,day")
        #expect(try store.series("m", key: "a").map(\.value) == [2])
        // A second import upserts on that key: a value replaced, a day added, nothing doubled.
        _ = try store.importCSV(Data("metric,key,day,value\nm,a,2026-01-01,5\nm,a,2026-01-02,6\n".utf8), file: "b.csv")
        #expect(try store.series("m", key: "a").map(\.value) == [5, 6])
        #expect(try server.admin(database).query("SELECT count(*) FROM metric_values").text(0, 0) == "4")
    }

    @Test func aBadRowLeavesAnEmptyStoreEmptyAndKeyed() async throws {
        let (server, database, store) = try await emptyStore()
        let error = try #require(throws: Diagnostic.self) {
            try store.importCSV(Data((csv + "m,,2026-01-03,twelve\n").utf8), file: "bad.csv")
        }
        #expect(error.description.hasPrefix("bad.csv:5:15"))
        #expect(try !store.hasValues())
        #expect(try primaryKey(server, database) == "metric,key,day")
    }

    @Test func repeatedRowsInAnEmptyStoreKeepTheLast() async throws {
        let (server, database, store) = try await emptyStore()
        let summary = try store.importCSV(Data((csv + "m,a,2026-01-01,7\n").utf8), file: "a.csv")
        #expect(summary.rows == 4)
        #expect(summary.metrics == ["m", "n"])
        #expect(try store.series("m", key: "a").map(\.value) == [7])
        #expect(try primaryKey(server, database) == "metric,key,day")
    }

    /// A role allowed to write the store's tables but not to alter them imports all the same.
    @Test func aRoleThatDoesNotOwnTheTablesImports() async throws {
        let (server, database, _) = try await emptyStore()
        try server.admin(database).execute("""
            GRANT CREATE, USAGE ON SCHEMA public TO \(PostgresServer.reader);
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(PostgresServer.reader)
            """)
        let store = try #require(try PostgreSQLStore.open(server.readerURI(database)))
        #expect(try store.importCSV(Data((csv + "m,a,2026-01-01,7\n").utf8), file: "a.csv").rows == 4)
        #expect(try store.series("m", key: "a").map(\.value) == [7])
        #expect(try server.admin(database).query("SELECT tableowner FROM pg_tables WHERE tablename = 'metric_values'").text(0, 0) == "postgres")
        #expect(try primaryKey(server, database) == "metric,key,day")
    }
}
