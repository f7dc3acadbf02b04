import DbagKit
import FlyingFox
import FlyingSocks
import Foundation

/// `dbag serve`'s server: FlyingFox answering from a ``PreviewSite``, and a
/// loop that polls a ``ProjectWatcher`` and rebuilds on changes.
public final class PreviewServer: Sendable {
    /// The site being served.
    public let site: PreviewSite
    private let server: HTTPServer
    private let log: @Sendable (_ line: String, _ isError: Bool) -> Void
    private let stopping = StopRequest()
    /// `host:port` as asked for, for error messages.
    private let endpoint: String
    /// How often the project is polled for changes.
    let pollInterval: Duration
    /// How long edits must settle before a rebuild.
    let debounce: Duration

    /// A server for `site` on `host:port` (port 0 picks a free one). Hosts are
    /// IPv4 or IPv6 literals; `localhost` means 127.0.0.1.
    public init(site: PreviewSite, host: String = "127.0.0.1", port: UInt16 = 8000,
                pollInterval: Duration = .milliseconds(300), debounce: Duration = .milliseconds(100),
                log: @escaping @Sendable (_ line: String, _ isError: Bool) -> Void = { _, _ in }) throws(Diagnostic) {
        self.site = site
        self.log = log
        self.pollInterval = pollInterval
        self.debounce = debounce
        endpoint = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let address: any SocketAddress
        do {
            if host.contains(":") {
                address = try sockaddr_in6.inet6(ip6: host, port: port)
            } else {
                address = try sockaddr_in.inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
            }
        } catch {
            throw Diagnostic("--host must be an IP address such as 127.0.0.1 or ::1, not '\(host)'")
        }
        server = HTTPServer(config: .init(address: address, logger: .disabled),
                            handler: PreviewHandler(site: site))
    }

    /// Serves and watches until ``stop()`` is called (then returns normally)
    /// or the task is cancelled.
    public func run() async throws {
        let watching = Task { await watch() }
        defer { watching.cancel() }
        do {
            try await server.run()
        } catch {
            if await stopping.requested { return }
            throw Diagnostic("cannot serve on \(endpoint): \(Self.describe(error))")
        }
    }

    /// Like ``run()``, calling `onListening` with the port once connections are
    /// accepted; a failure to listen (port in use) throws at once.
    public func run(onListening: @escaping @Sendable (UInt16) -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.run() }
            group.addTask { onListening(try await self.waitUntilListening()) }
            for try await _ in group {}
        }
    }

    /// Waits until the server accepts connections and returns its port.
    public func waitUntilListening() async throws -> UInt16 {
        try await server.waitUntilListening()
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: throw Diagnostic("the server has no TCP port")
        }
    }

    /// Stops listening and lets open requests (long-polls included) finish for a moment.
    public func stop() async {
        await stopping.request()
        await server.stop(timeout: 0.5)
    }

    /// Polls the project; on a change, waits for edits to settle and rebuilds.
    func watch() async {
        var watcher = ProjectWatcher(projectDirectory: await site.projectDirectory, storePath: await site.storePath)
        while !Task.isCancelled {
            do { try await Task.sleep(for: pollInterval) } catch { return }
            guard watcher.changed() else { continue }
            repeat {
                do { try await Task.sleep(for: debounce) } catch { return }
            } while watcher.changed()
            let outcome = await site.rebuild()
            watcher.storePath = await site.storePath
            log(Self.describe(outcome, generation: await site.generation), outcome.isFailure)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(_, _, let message) = socket { return message }
        return "\(error)"
    }

    /// One line (or the diagnostics) saying how a rebuild went.
    public static func describe(_ outcome: PreviewSite.Outcome, generation: Int) -> String {
        switch outcome {
        case .built(let pages, let files, let seconds):
            return "rebuilt \(pages) page\(pages == 1 ? "" : "s") (\(files) files) in \(Int(seconds * 1000)) ms; generation \(generation)"
        case .failed(let diagnostics):
            let list = diagnostics.map(\.description).joined(separator: "\n")
            return "\(list)\nbuild failed: \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s"); serving the error page until it is fixed"
        }
    }
}

/// Whether ``PreviewServer/stop()`` was asked for, so the error FlyingFox
/// throws on closing its socket reads as a clean stop.
private actor StopRequest {
    private(set) var requested = false

    func request() { requested = true }
}
