import DbagKit
import Foundation

/// `import-postgres`: the `import` mode's 1,000,000-row CSV into an empty PostgreSQL
/// store (a throwaway server, `BenchPostgres`), opened as `dbag import` opens it: from
/// `store:` in dbag.yml. Then exported, and checked byte for byte against the file's length.
enum PostgresImportBenchmark {
    static let mode = BenchMode(
        name: "import-postgres",
        summary: "a 1,000,000-row CSV into an empty PostgreSQL store, then exported (small: 100,000 rows)",
        prepare: { folder, size in try prepare(folder, size: size) },
        run: { folder, _ in try run(folder) },
        finish: BenchPostgres.finish,
        unavailable: BenchPostgres.unavailable)

    static func prepare(_ folder: URL, size: BenchSize) throws {
        try BenchPostgres.prepare(folder) { _ in }
        try ImportBenchmark.makeCSV(folder.appendingPathComponent("all.csv"), metrics: size == .small ? 100 : 1000)
        try Data("store: \"\(BenchPostgres.uri("store"))\"\n".utf8).write(to: folder.appendingPathComponent("dbag.yml"))
    }

    static func run(_ folder: URL) throws -> [BenchFigure] {
        try BenchPostgres.serve(folder) { server in
            let admin = try server.connect("postgres")
            try admin.execute("DROP DATABASE IF EXISTS store")
            try admin.execute("CREATE DATABASE store")
            let store = try ConfigLoader.load(projectDirectory: folder).openStore()
            return try ImportBenchmark.measure(into: store, from: folder)
        }
    }
}
