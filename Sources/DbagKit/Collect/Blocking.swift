import Dispatch
import Foundation
import Yams

/// Runs blocking work (SQLite queries, waiting for processes) off Swift's
/// cooperative thread pool, so a slow collector never starves the others.
enum Blocking {
    /// Runs `body` on a global dispatch queue and returns its result.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}

/// A collector's failure, worded for `dbag collect` and the run log.
public struct CollectError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Parsing of the `timeout:` key shared by every collector kind.
extension YAMLReader {
    /// The `timeout` value in seconds, or `fallback` when absent or invalid (invalid is reported).
    func timeout(_ values: [String: Node], default fallback: Double) -> Double {
        guard let node = values["timeout"] else { return fallback }
        return duration(node, key: "timeout") ?? fallback
    }
}

extension DurationText {
    /// Seconds written back the way dbag.yml spells them: `30s`, `1.5s`, `500ms`, `2m`.
    public static func format(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        if seconds == seconds.rounded() { return "\(Int(seconds))s" }
        return "\(seconds)s"
    }
}
