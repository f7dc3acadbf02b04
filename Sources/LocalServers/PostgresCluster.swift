import Foundation

/// A throwaway PostgreSQL cluster, the way PostgreSQL's regression harness makes one:
/// `initdb` into `folder/data`, `pg_ctl start` on a port of 127.0.0.1 with the socket in
/// `folder` (as the `postgres` user when root), `pg_isready`, `pg_ctl -m immediate stop`.
/// The server runs with PostgreSQL's defaults but for the `settings` given to `start`.
/// Connections over the socket are trusted; over TCP they need what `hostAuth` says.
public struct PostgresCluster: Sendable {
    /// The folder holding the data directory, the socket and the log.
    public let folder: String
    /// The newest installed server's programs folder.
    public let bin: String

    /// A cluster in `folder` (made by `create`); fails when PostgreSQL's server is not installed.
    public init(folder: String) throws {
        guard let bin = PostgresCluster.binaries() else {
            throw ServerStartError("PostgreSQL's server programs are not installed (apt-get install postgresql; .ci/run does it)")
        }
        self.folder = folder
        self.bin = bin
    }

    /// Whether a PostgreSQL server is installed here (`/usr/lib/postgresql/*/bin/pg_ctl`).
    public static var isInstalled: Bool { binaries() != nil }

    /// The newest installed server's programs folder.
    static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap { Int($0) }.sorted()
        for version in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/pg_ctl") {
            return "\(root)/\(version)/bin"
        }
        return nil
    }

    var log: String { folder + "/server.log" }

    /// Makes the folder and an empty cluster in it; `hostAuth` is TCP's method (`trust`, `scram-sha-256`).
    public func create(hostAuth: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try ServerProgram.run(["/usr/bin/chown", "postgres:postgres", folder]) }
        try runAsOwner(["\(bin)/initdb", "-D", "\(folder)/data", "-U", "postgres", "-E", "UTF8", "--locale=C",
                        "--auth-local=trust", "--auth-host=\(hostAuth)", "--no-sync"])
    }

    /// Starts the server on `port` and waits until it accepts connections.
    public func start(port: Int, settings: [String] = []) throws {
        let options = ["-p \(port) -k \(folder) -c listen_addresses=127.0.0.1"] + settings.map { "-c \($0)" }
        try runAsOwner(["\(bin)/pg_ctl", "-D", "\(folder)/data", "-l", log, "-w", "-t", "60", "-o", options.joined(separator: " "), "start"])
        for _ in 0..<100 {
            if (try? runAsOwner(["\(bin)/pg_isready", "-q", "-h", "127.0.0.1", "-p", "\(port)"])) != nil { return }
            usleep(100_000)
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        stop()
        throw ServerStartError("PostgreSQL did not become ready: \(text)")
    }

    /// Whether a server is running on this cluster (its `postmaster.pid` exists).
    public var isRunning: Bool { FileManager.default.fileExists(atPath: "\(folder)/data/postmaster.pid") }

    /// Stops the server at once, if it runs.
    public func stop() {
        if isRunning { _ = try? runAsOwner(["\(bin)/pg_ctl", "-D", "\(folder)/data", "-m", "immediate", "stop"]) }
    }

    /// A `key=value` string for a database over the trusted socket, as the superuser.
    public func socketConninfo(_ database: String, port: Int) -> String {
        "host=\(folder) port=\(port) user=postgres dbname=\(database)"
    }

    @discardableResult
    private func runAsOwner(_ arguments: [String]) throws -> String {
        try ServerProgram.run(getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments)
    }
}
