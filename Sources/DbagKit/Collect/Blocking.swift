import Dispatch
import Foundation

/// Runs blocking work (SQLite queries, waiting for processes) on threads of its
/// own, off Swift's cooperative pool and off GCD's global queues (both as wide
/// as the CPU count on Linux): a hanging collector never starves the others or
/// the timers that will kill it.
enum Blocking {
    /// The queue timeouts fire on; a private serial queue gets its own thread.
    static let timers = DispatchQueue(label: "dbag.timeouts")

    /// Runs `body` on a new thread and returns its result.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            thread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Starts `body` on a new thread.
    static func thread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Runs `work` after `seconds` unless cancelled first.
    static func after(_ seconds: Double, _ work: DispatchWorkItem) {
        timers.asyncAfter(deadline: .now() + seconds, execute: work)
    }
}
