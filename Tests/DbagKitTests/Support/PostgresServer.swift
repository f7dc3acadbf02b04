import Foundation
@testable import DbagKit

/// A PostgreSQL server of the test process's own, started once and shared by every
/// suite, the way PostgreSQL's regression harness does it: `initdb` into a temporary
/// folder, `pg_ctl start` on a free port of 127.0.0.1 with the socket in that folder
/// (as the `postgres` user when root), `pg_isready`, and `pg_ctl -m immediate` at exit.
/// Connections over the socket are trusted; over TCP they need a password.
/// A server that cannot start fails the tests that need it: never a skip.
final class PostgresServer: Sendable {
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// The role tests read as over TCP, with its password.
    static let reader = "reader", readerPassword = "s3cret-Pa55"

    let folder: String
    let port: Int
    let bin: String

    /// The server, started on first use; callers wait on a thread of their own, not on Swift's pool.
    static func shared() async throws -> PostgresServer {
        try await withCheckedContinuation { continuation in Blocking.thread { continuation.resume(returning: started) } }.get()
    }

    private static let started: Result<PostgresServer, StartError> = {
        do {
            let server = try PostgresServer()
            atexit { try? PostgresServer.started.get().stop() }
            return .success(server)
        } catch let error as StartError {
            return .failure(error)
        } catch {
            return .failure(StartError(description: "\(error)"))
        }
    }()

    private init() throws {
        guard let bin = PostgresServer.binaries() else {
            throw StartError(description: "PostgreSQL's server programs are not installed (apt-get install postgresql; .ci/run does it)")
        }
        self.bin = bin
        folder = "/tmp/dbag-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { _ = try PostgresServer.run(["/usr/bin/chown", "postgres:postgres", folder]) }
        port = try PostgresServer.freePort()
        let log = folder + "/server.log"
        try runAsOwner(["\(bin)/initdb", "-D", "\(folder)/data", "-U", "postgres", "-E", "UTF8", "--locale=C",
                        "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"])
        try runAsOwner(["\(bin)/pg_ctl", "-D", "\(folder)/data", "-l", log, "-w", "-t", "60", "-o",
                        "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"])
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? runAsOwner(["\(bin)/pg_isready", "-q", "-h", "127.0.0.1", "-p", "\(port)"])) != nil
            if !ready { usleep(100_000) }
        }
        guard ready else {
            throw StartError(description: "PostgreSQL did not become ready: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }
        let admin = try PostgreSQLConnection(socketConninfo("postgres"))
        try admin.execute("CREATE ROLE \(PostgresServer.reader) LOGIN PASSWORD '\(PostgresServer.readerPassword)'")
    }

    /// A `key=value` string for a database over the trusted socket, as the superuser.
    func socketConninfo(_ database: String) -> String {
        "host=\(folder) port=\(port) user=postgres dbname=\(database)"
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
        _ = try? runAsOwner(["\(bin)/pg_ctl", "-D", "\(folder)/data", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    private func runAsOwner(_ arguments: [String]) throws -> String {
        try PostgresServer.run(getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments)
    }

    /// Runs a program to completion (posix_spawn and waitpid: pg_ctl leaves a server
    /// running behind it); a non-zero exit is an error quoting its output.
    static func run(_ arguments: [String]) throws -> String {
        // bash closes every descriptor the test process holds open before it
        // execs the program: a server must not inherit them (PostgreSQL counts
        // them against its file limit and may refuse to start).
        let closeInherited = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$@""#
        let arguments = ["/bin/bash", "-c", closeInherited, "bash"] + arguments
        let output = "/tmp/dbag-pg-out-\(UUID().uuidString)"
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw StartError(description: "cannot run \(arguments[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw StartError(description: "\(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }

    /// The newest installed server's programs folder.
    private static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap { Int($0) }.sorted()
        for version in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/pg_ctl") {
            return "\(root)/\(version)/bin"
        }
        return nil
    }

    /// A TCP port on 127.0.0.1 that is free right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw StartError(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
