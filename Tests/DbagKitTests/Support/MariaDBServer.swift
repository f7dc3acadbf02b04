import Foundation
@testable import DbagKit
import LocalServers

/// A MariaDB server of the test process's own, started once and shared by every suite:
/// `mariadb-install-db` into a temporary folder, then `mariadbd` on a free port of
/// 127.0.0.1 with its socket in that folder, killed at exit. `root` connects over the
/// socket; `reader`, allowed only SELECT, over TCP with a password.
/// A server that cannot start fails the tests that need it: never a skip.
final class MariaDBServer: Sendable {
    /// The user tests read as over TCP, with its password.
    static let reader = "reader", readerPassword = "s3cret-Pa55:@/x"

    let folder: String
    let port: Int
    let process: Process

    /// The server, started on first use; callers wait on a thread of their own, not on Swift's pool.
    static func shared() async throws -> MariaDBServer {
        try await withCheckedContinuation { continuation in Blocking.thread { continuation.resume(returning: started) } }.get()
    }

    private static let started: Result<MariaDBServer, ServerStartError> = {
        do {
            let server = try MariaDBServer()
            atexit { try? MariaDBServer.started.get().stop() }
            return .success(server)
        } catch let error as ServerStartError {
            return .failure(error)
        } catch {
            return .failure(ServerStartError("\(error)"))
        }
    }()

    private init() throws {
        let programs = ["/usr/bin/mariadb-install-db", "/usr/sbin/mariadbd"]
        guard programs.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ServerStartError("MariaDB's server is not installed (apt-get install mariadb-server; .ci/run does it)")
        }
        folder = "/tmp/dbag-my-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        port = try ServerProgram.freePort()
        let user = getuid() == 0 ? ["--user=root"] : []
        try ServerProgram.run([programs[0], "--no-defaults", "--datadir=\(folder)/data", "--auth-root-authentication-method=normal",
                                    "--skip-test-db", "--skip-name-resolve"] + user)
        process = Process()
        process.executableURL = URL(fileURLWithPath: programs[1])
        process.arguments = ["--no-defaults", "--datadir=\(folder)/data", "--port=\(port)", "--socket=\(folder)/sock",
                             "--bind-address=127.0.0.1", "--pid-file=\(folder)/pid", "--log-error=\(folder)/server.log",
                             "--skip-log-bin", "--skip-name-resolve", "--innodb-buffer-pool-size=32M",
                             "--innodb-flush-log-at-trx-commit=0", "--max-connections=300"] + user
        try process.run()
        var admin: MariaDBConnection?
        for _ in 0..<600 where admin == nil && process.isRunning {
            admin = try? MariaDBConnection(MySQLAddress(rootURL("mysql")))
            if admin == nil { usleep(100_000) }
        }
        guard let admin else {
            let log = (try? String(contentsOfFile: "\(folder)/server.log", encoding: .utf8)) ?? ""
            stop()
            throw ServerStartError("MariaDB did not become ready: \(log)")
        }
        try admin.execute("CREATE USER \(MariaDBServer.reader)@'%' IDENTIFIED BY '\(MariaDBServer.readerPassword)'")
    }

    /// A URL for a database over the socket, as root.
    func rootURL(_ database: String) -> String {
        "mysql://root@localhost/\(database)?socket=\(folder)/sock"
    }

    /// A URL for a database over TCP as `reader`, the password written as `password`.
    func readerURL(_ database: String, password: String = MariaDBServer.readerPassword) -> String {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        return "mysql://\(MariaDBServer.reader):\(encoded)@127.0.0.1:\(port)/\(database)"
    }

    /// A root connection to a database.
    func admin(_ database: String = "mysql") throws -> MariaDBConnection {
        try MariaDBConnection(MySQLAddress(rootURL(database)))
    }

    /// A fresh database filled by `sql` (statements split at `;` ending a line), readable by `reader`; returns its name.
    func database(_ sql: String = "") throws -> String {
        let name = "db_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try admin().execute("CREATE DATABASE \(name)")
        let connection = try admin(name)
        for statement in sql.components(separatedBy: ";\n") + [""] where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try connection.execute(MySQLSource.withoutFinalSemicolon(statement))
        }
        try connection.execute("GRANT SELECT ON \(name).* TO \(MariaDBServer.reader)@'%'")
        return name
    }

    /// Kills the server at once and removes its folder.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
