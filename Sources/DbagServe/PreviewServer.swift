import DbagKit
import FlyingSocks
import Foundation

/// `dbag serve`'s server: an HTTP/1.1 listener on FlyingSocks (non-blocking
/// sockets and epoll/kqueue) answering from a ``PreviewSite``, and a loop that
/// polls a ``ProjectWatcher`` and rebuilds on changes. Request heads are read by
/// ``HTTPHeadReader``: linear and bounded, so no request can stall the server.
public final class PreviewServer: Sendable {
    /// The site being served.
    public let site: PreviewSite
    private let address: any SocketAddress
    private let handler: PreviewHandler
    private let log: @Sendable (_ line: String, _ isError: Bool) -> Void
    private let lifecycle = ServerLifecycle()
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
        handler = PreviewHandler(site: site)
        endpoint = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        do {
            if host.contains(":") {
                address = try sockaddr_in6.inet6(ip6: host, port: port)
            } else {
                address = try sockaddr_in.inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
            }
        } catch {
            throw Diagnostic("--host must be an IP address such as 127.0.0.1 or ::1, not '\(host)'")
        }
    }

    /// Serves and watches until ``stop()`` is called (then returns normally)
    /// or the task is cancelled.
    public func run() async throws {
        let serving = Task { try await serve() }
        await lifecycle.started(serving)
        do {
            try await withTaskCancellationHandler { try await serving.value } onCancel: { serving.cancel() }
        } catch {
            if await lifecycle.stopRequested { return }
            throw error
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
        try await lifecycle.port()
    }

    /// Stops listening; held long-polls answer at once, then every connection closes.
    public func stop() async {
        await lifecycle.requestStop()
        await site.wakeWaiters()
        try? await Task.sleep(for: .milliseconds(100))
        await lifecycle.cancel()
    }

    private func serve() async throws {
        let socket: Socket
        do {
            socket = try Socket(domain: Int32(type(of: address).family))
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            let failure = Diagnostic("cannot serve on \(endpoint): \(Self.describe(error))")
            await lifecycle.failed(failure)
            throw failure
        }
        defer { try? socket.close() }
        let pool = SocketPool<Poll>.make()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        // The baseline is taken before anyone can learn the port, so no edit made after it is missed.
        let watcher = ProjectWatcher(projectDirectory: await site.projectDirectory, storePath: await site.storePath)
        switch try socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): await lifecycle.listening(on: port)
        default: throw Diagnostic("the server has no TCP port")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask { await self.watch(watcher) }
            group.addTask { try await self.accept(on: listener) }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Accepts connections, each answered in a task of its own.
    private func accept(on listener: AsyncSocket) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            while !Task.isCancelled {
                do {
                    let client = try await listener.accept()
                    group.addTask { [handler] in await PreviewConnection(socket: client, handler: handler).run() }
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    // Out of file descriptors and the like: wait, then accept again.
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        }
    }

    /// Polls the project; on a change, waits for edits to settle and rebuilds.
    func watch(_ start: ProjectWatcher) async {
        var watcher = start
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
