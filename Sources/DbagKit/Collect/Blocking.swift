import Dispatch
import Foundation
import Yams

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

/// A collector's failure, worded for `dbag collect` and the run log.
public struct CollectError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Where in dbag.yml the fault is, when it is in the config (e.g. a query that cannot be prepared).
    public var location: SourceLocation?

    public init(_ message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { message }
}

/// Parsing of the `timeout:` key shared by every collector kind.
extension YAMLReader {
    /// The `timeout` value in seconds, or `fallback` when absent or invalid (invalid is reported).
    func timeout(_ values: [String: Node], default fallback: Double) -> Double {
        guard let node = values["timeout"] else { return fallback }
        return duration(node, key: "timeout", atMostDays: 1) ?? fallback
    }
}

extension DurationText {
    /// Seconds written back the way dbag.yml spells them: `30s`, `1.5s`, `500ms`, `2m`.
    public static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "\(seconds)s" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        if seconds == seconds.rounded() { return "\(Int(seconds))s" }
        return "\(seconds)s"
    }
}
