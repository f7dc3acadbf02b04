/// The states of a ``PreviewServer`` that other tasks wait on: listening (or
/// failed to), the serving task to cancel, and whether a stop was asked for.
actor ServerLifecycle {
    private var serving: Task<Void, any Error>?
    private var result: Result<UInt16, any Error>?
    private var waiters: [CheckedContinuation<UInt16, any Error>] = []
    /// Whether ``PreviewServer/stop()`` was called, so the end of serving reads as a clean stop.
    private(set) var stopRequested = false

    func started(_ task: Task<Void, any Error>) {
        serving = task
        if stopRequested { task.cancel() }
    }

    func listening(on port: UInt16) { finish(.success(port)) }

    func failed(_ error: any Error) { finish(.failure(error)) }

    /// The listening port, once known; throws if listening failed.
    func port() async throws -> UInt16 {
        if let result { return try result.get() }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func requestStop() { stopRequested = true }

    func cancel() {
        serving?.cancel()
        if result == nil { finish(.failure(CancellationError())) }
    }

    private func finish(_ outcome: Result<UInt16, any Error>) {
        result = outcome
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume(with: outcome) }
    }
}
