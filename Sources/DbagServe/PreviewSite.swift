import DbagKit
import Foundation

/// The site being previewed: the files of the last build (in memory, never
/// written to disk) or its errors, and a generation number that grows with
/// every rebuild. Pages get the live-reload script through `bodySuffix`.
///
/// A failed build (config or dashboard errors) answers every request with an
/// error page, status 500, that lists the diagnostics and reloads itself.
public actor PreviewSite {
    /// What the last build produced.
    enum State {
        case built([String: Data])
        case failed([Diagnostic])
    }

    /// The result of one rebuild, for logging.
    public enum Outcome: Sendable {
        /// The site was built: page and file counts, and how long it took.
        case built(pages: Int, files: Int, seconds: Double)
        /// The build failed with these errors.
        case failed([Diagnostic])

        /// Whether the build failed.
        public var isFailure: Bool {
            if case .failed = self { return true }
            return false
        }
    }

    private var config: Config
    private var state: State = .built([:])
    /// Grows by one with every rebuild; pages carry the one they were built at.
    /// It starts at a random number so that pages left open across a restart
    /// of `dbag serve` see a different one and reload.
    public private(set) var generation = Int.random(in: 0..<1_000_000_000)
    /// Held long-polls, resumed when the generation changes or their time is up.
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    /// Whether a rebuild runs; later ones wait in `queuedBuilds`.
    private var building = false
    private var queuedBuilds: [CheckedContinuation<Void, Never>] = []

    /// Previews a project whose config has loaded once; later rebuilds reload it.
    public init(config: Config) {
        self.config = config
    }

    /// The site title from the last good config.
    public var title: String { config.title }
    /// The URL path the site is served under, e.g. `/` or `/metrics/`.
    public var basePath: String { PreviewPaths.basePath(ofBaseURL: config.baseURL) }
    /// The project folder (holding dbag.yml).
    public var projectDirectory: URL { config.directory }
    /// The store path from the last good config.
    public var storePath: String { config.storePath }

    /// Reloads dbag.yml and rebuilds the whole site in memory (builds take
    /// milliseconds, so there is no incremental build). The build runs on a
    /// thread of its own, off this actor, so requests are answered from the
    /// previous build meanwhile; rebuilds run one at a time.
    @discardableResult
    public func rebuild() async -> Outcome {
        while building { await withCheckedContinuation { queuedBuilds.append($0) } }
        building = true
        defer {
            building = false
            if !queuedBuilds.isEmpty { queuedBuilds.removeFirst().resume() }
        }
        let started = Date()
        let next = generation + 1
        let outcome: Outcome
        switch await Self.build(projectDirectory: config.directory, generation: next) {
        case .success(let (loaded, files)):
            config = loaded
            state = .built(Dictionary(files.map { ($0.path, $0.contents) }) { _, last in last })
            let pages = files.filter { $0.path.hasSuffix(".html") }.count
            outcome = .built(pages: pages, files: files.count, seconds: Date().timeIntervalSince(started))
        case .failure(let failure):
            state = .failed(failure.diagnostics)
            outcome = .failed(failure.diagnostics)
        }
        generation = next
        wakeWaiters()
        return outcome
    }

    /// Loads the config and builds the site on a thread of its own: the build
    /// blocks (and fans pages out with `concurrentPerform`), so it must hold
    /// neither this actor nor a thread of the cooperative pool.
    private static func build(projectDirectory: URL, generation: Int) async -> Result<(Config, [OutputFile]), DiagnosticList> {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(DiagnosticList) {
                    var loaded = try ConfigLoader.load(projectDirectory: projectDirectory)
                    loaded.baseURL = PreviewPaths.basePath(ofBaseURL: loaded.baseURL)
                    let files = try SiteBuilder(config: loaded, now: Date(), bodySuffix: LiveReload.script(generation: generation)).build()
                    continuation.resume(returning: .success((loaded, files)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.name = "dbag serve build"
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// The answer to a GET for a raw (percent-encoded) request path.
    public func response(forRawPath raw: String) -> PreviewResponse {
        let route = PreviewPaths.route(rawPath: raw, basePath: basePath)
        if route == .badRequest { return .html(PreviewPages.badRequest(), status: 400) }
        if case .failed(let diagnostics) = state {
            return .html(PreviewPages.errors(diagnostics, generation: generation), status: 500)
        }
        guard case .built(let files) = state else { return .text("not built", status: 503) }
        switch route {
        case .redirect(let location):
            return .redirect(to: location)
        case .file(let path):
            if let data = files[path] {
                return PreviewResponse(status: 200, headers: ["Content-Type": ContentTypes.forPath(path)], body: data)
            }
            if files[path + "/index.html"] != nil, let plain = raw.split(separator: "?").first {
                return .redirect(to: plain + "/")
            }
            fallthrough
        case .notFound, .badRequest:
            let shown = raw.split(separator: "?").first.map(String.init) ?? raw
            return .html(PreviewPages.notFound(path: shown, basePath: basePath, generation: generation), status: 404)
        }
    }

    /// Waits until the generation differs from `since` or `timeout` passes,
    /// then returns the current one (the long-poll of ``LiveReload``). A held
    /// wait costs no CPU: the rebuild (or the timer, or cancellation) resumes it.
    public func waitForGeneration(differentFrom since: Int, timeout: Double = LiveReload.waitSeconds) async -> Int {
        guard generation == since else { return generation }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task {
            try? await Task.sleep(for: .seconds(timeout))
            self.wake(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiters[id] = $0 }
        } onCancel: {
            Task { await self.wake(id) }
        }
        timer.cancel()
        return generation
    }

    /// How many long-polls are held now.
    public var heldWaits: Int { waiters.count }

    /// Answers every held long-poll now (on a rebuild, and when the server stops).
    public func wakeWaiters() {
        let held = waiters
        waiters = [:]
        for waiter in held.values { waiter.resume() }
    }

    private func wake(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
