import DbagKit
import Foundation
import LocalServers

/// The PostgreSQL server of a postgres mode: a cluster made once in the mode's folder
/// (`prepare`), started by each repetition on a free port of 127.0.0.1 and stopped when
/// the repetition ends, whether it succeeds or throws. The server runs with PostgreSQL's
/// defaults (fsync on); TCP from 127.0.0.1 is trusted, as the `postgres` superuser.
struct BenchPostgres {
    let cluster: PostgresCluster
    let port: Int

    /// The environment variable dbag.yml reads the port from (`${DBAG_BENCH_PG_PORT}`).
    static let portVariable = "DBAG_BENCH_PG_PORT"

    static func cluster(in folder: URL) throws -> PostgresCluster {
        try PostgresCluster(folder: folder.appendingPathComponent("postgres").path)
    }

    /// Why the postgres modes cannot run here, or nil.
    static func unavailable() -> String? {
        PostgresCluster.isInstalled ? nil : "PostgreSQL's server programs are not installed (apt-get install postgresql)"
    }

    /// Makes the cluster, then runs `body` against it started (`prepare`).
    static func prepare(_ folder: URL, _ body: (BenchPostgres) throws -> Void) throws {
        try cluster(in: folder).create(hostAuth: "trust")
        try serve(folder, body)
    }

    /// Runs `body` with the folder's cluster started, and stops it whatever happens.
    static func serve<T>(_ folder: URL, _ body: (BenchPostgres) throws -> T) throws -> T {
        let server = try start(folder)
        defer { server.cluster.stop() }
        return try body(server)
    }

    /// The async form of `serve`.
    static func serve<T>(_ folder: URL, _ body: (BenchPostgres) async throws -> T) async throws -> T {
        let server = try start(folder)
        defer { server.cluster.stop() }
        return try await body(server)
    }

    private static func start(_ folder: URL) throws -> BenchPostgres {
        let server = BenchPostgres(cluster: try cluster(in: folder), port: try ServerProgram.freePort())
        try server.cluster.start(port: server.port)
        setenv(portVariable, String(server.port), 1)
        return server
    }

    /// Stops a server a repetition left running (one killed before it could).
    static func finish(_ folder: URL) {
        (try? cluster(in: folder))?.stop()
    }

    /// A superuser connection to `database` over TCP.
    func connect(_ database: String) throws -> PostgreSQLConnection {
        try PostgreSQLConnection(BenchPostgres.uri(database, port: String(port)))
    }

    /// A `postgresql://` URI for `database`; dbag.yml gives the port as `${DBAG_BENCH_PG_PORT}`.
    static func uri(_ database: String, port: String = "${\(portVariable)}") -> String {
        "postgresql://postgres@127.0.0.1:\(port)/\(database)"
    }
}
