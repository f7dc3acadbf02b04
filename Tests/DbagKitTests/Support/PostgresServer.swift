import Foundation
@testable import DbagKit
import LocalServers

/// A PostgreSQL server of the test process's own (a `PostgresCluster` in a temporary
/// folder on a free port), started once and shared by every suite, stopped at exit.
/// Connections over the socket are trusted; over TCP they need a password.
/// A server that cannot start fails the tests that need it: never a skip.
final class PostgresServer: Sendable {
    /// The role tests read as over TCP, with its password.
    static let reader = "reader", readerPassword = "s3cret-Pa55"

    let cluster: PostgresCluster
    let port: Int

    /// The server, started on first use; callers wait on a thread of their own, not on Swift's pool.
    static func shared() async throws -> PostgresServer {
        try await withCheckedContinuation { continuation in Blocking.thread { continuation.resume(returning: started) } }.get()
    }

    private static let started: Result<PostgresServer, ServerStartError> = {
        do {
            let server = try PostgresServer()
            atexit { try? PostgresServer.started.get().stop() }
            return .success(server)
        } catch let error as ServerStartError {
            return .failure(error)
        } catch {
            return .failure(ServerStartError("\(error)"))
        }
    }()

    private init() throws {
        cluster = try PostgresCluster(folder: "/tmp/dbag-pg-\(UUID().uuidString.prefix(8))")
        port = try ServerProgram.freePort()
        try cluster.create(hostAuth: "scram-sha-256")
        try cluster.start(port: port, settings: ["fsync=off", "max_connections=300"])
        let admin = try PostgreSQLConnection(socketConninfo("postgres"))
        try admin.execute("CREATE ROLE \(PostgresServer.reader) LOGIN PASSWORD '\(PostgresServer.readerPassword)'")
    }

    /// A `key=value` string for a database over the trusted socket, as the superuser.
    func socketConninfo(_ database: String) -> String {
        cluster.socketConninfo(database, port: port)
    }

    /// A URI for a database over TCP as `reader`, the password written as `password`.
    func readerURI(_ database: String, password: String = PostgresServer.readerPassword) -> String {
        "postgresql://\(PostgresServer.reader):\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// A superuser connection to a database.
    func admin(_ database: String = "postgres") throws -> PostgreSQLConnection {
        try PostgreSQLConnection(socketConninfo(database))
    }

    /// A fresh database filled by `sql`, readable by `reader`; returns its name.
    func database(_ sql: String = "") throws -> String {
        let name = "db_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try admin().execute("CREATE DATABASE \(name)")
        let connection = try admin(name)
        if !sql.isEmpty { try connection.execute(sql) }
        try connection.execute("GRANT CONNECT ON DATABASE \(name) TO \(PostgresServer.reader); GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(PostgresServer.reader)")
        return name
    }

    /// Stops the server at once and removes its folder.
    func stop() {
        cluster.stop()
        try? FileManager.default.removeItem(atPath: cluster.folder)
    }
}
