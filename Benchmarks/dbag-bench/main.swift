// dbag-bench: rerunnable benchmarks. Build and run in release:
//   swift run -c release dbag-bench MODE... [--runs N] [--warmup N] [--small]
// MODE is build, objects, import, collect, markdown, collect-postgres, import-postgres
// (BenchModes.all) or all (every mode this machine can run: the postgres ones start a
// throwaway PostgreSQL server, so they need its programs installed). Each mode makes
// its inputs once, then runs a warm-up and N repetitions (default 5), each in a
// child process, and prints the median, min and max of every figure (time, peak
// memory). Exits 1 when any repetition fails. DBAG_BENCH_DIR=/dev/shm puts the
// inputs and the site in memory. scripts/bench-instructions.sh MODE counts
// instructions with callgrind, using the hidden --prepare, --child and --finish.
import Foundation

let usage = "usage: dbag-bench \(BenchModes.all.map(\.name).joined(separator: "|"))|all... [--runs N] [--warmup N] [--small]"
var arguments = Array(CommandLine.arguments.dropFirst())
let size: BenchSize = arguments.contains("--small") ? .small : .full
arguments.removeAll { $0 == "--small" }

@MainActor func option(_ name: String, default value: Int) -> Int? {
    guard let index = arguments.firstIndex(of: name) else { return value }
    guard index + 1 < arguments.count, let n = Int(arguments[index + 1]), n >= 0 else { return nil }
    arguments.removeSubrange(index...(index + 1))
    return n
}

@MainActor func mode(_ name: String) -> BenchMode? {
    if let mode = BenchModes.named(name) { return mode }
    print("dbag-bench: unknown mode '\(name)'\n\(usage)")
    return nil
}

switch arguments.first {
case "--child", "--prepare", "--finish":
    guard arguments.count == 3, let mode = mode(arguments[1]) else { print(usage); exit(1) }
    let folder = URL(fileURLWithPath: arguments[2])
    if arguments[0] == "--child" { exit(runBlocking { await BenchChild.main(mode: mode, folder: folder, size: size) }) }
    if arguments[0] == "--finish" { mode.finish(folder); exit(0) }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try mode.prepare(folder, size)
    } catch {
        print("benchmark failed: preparing the inputs: \(error)")
        exit(1)
    }
default:
    guard let runs = option("--runs", default: 5), runs > 0, let warmups = option("--warmup", default: 1) else { print(usage); exit(1) }
    let names = arguments.isEmpty ? ["build"] : arguments.flatMap { $0 == "all" ? BenchModes.runnable().map(\.name) : [$0] }
    let modes = names.compactMap(mode)
    guard modes.count == names.count else { exit(1) }
    print(BenchRunner.machine())
    let runner = BenchRunner(runs: runs, warmups: warmups, size: size)
    var failed = false
    var leftovers: [URL] = []
    for mode in modes where !runner.run(mode, leftovers: &leftovers) { failed = true }
    for folder in leftovers { try? FileManager.default.removeItem(at: folder) }
    exit(failed ? 1 : 0)
}
