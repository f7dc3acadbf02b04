import Foundation

/// One benchmark: inputs made once, then a repetition that can run many times.
struct BenchMode: Sendable {
    /// The name on the command line (`dbag-bench build`).
    let name: String
    /// What a repetition does, at full size.
    let summary: String
    /// Makes the inputs in `folder`, once, before the warm-up (not measured).
    let prepare: @Sendable (_ folder: URL, _ size: BenchSize) throws -> Void
    /// One repetition over the prepared folder, in its own process; its figures,
    /// the headline first. A repetition that goes wrong throws.
    let run: @Sendable (_ folder: URL, _ size: BenchSize) async throws -> [BenchFigure]
    /// Stops what a repetition may have left running (a server), after the last one or a failure.
    var finish: @Sendable (_ folder: URL) -> Void = { _ in }
    /// Why the mode cannot run on this machine, or nil; `all` leaves such modes out.
    var unavailable: @Sendable () -> String? = { nil }
}

/// Full size (the README's figures) or small (for callgrind, about a tenth of the work).
enum BenchSize: String, Sendable {
    case full, small
}

/// Every mode, in the order `dbag-bench all` runs them. A new mode is one
/// file with a `static let mode` and one line here.
enum BenchModes {
    static let all: [BenchMode] = [
        BuildBenchmark.dashboards,
        BuildBenchmark.objects,
        ImportBenchmark.mode,
        CollectBenchmark.mode,
        MarkdownBenchmark.mode,
        PostgresCollectBenchmark.mode,
        PostgresImportBenchmark.mode,
    ]

    /// The modes `all` runs: those this machine can run; the others are named on standard output.
    static func runnable() -> [BenchMode] {
        all.filter { mode in
            guard let reason = mode.unavailable() else { return true }
            print("dbag-bench: all leaves out \(mode.name): \(reason)")
            return false
        }
    }

    static func named(_ name: String) -> BenchMode? {
        all.first { $0.name == name }
    }
}

/// A repetition failed in a way that makes its figures meaningless.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
