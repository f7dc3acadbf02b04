// dbag-bench: rerunnable benchmarks. Run in release:
//   swift run -c release dbag-bench collect   # 1,000 sql metrics over a 1,000,000-row source
//   swift run -c release dbag-bench import    # a 1,000,000-row CSV import (and export)
let mode = CommandLine.arguments.dropFirst().first ?? "import"
do {
    switch mode {
    case "collect": try await CollectBenchmark.run()
    case "import": try ImportBenchmark.run()
    default: print("usage: dbag-bench collect|import")
    }
} catch {
    print("benchmark failed: \(error)")
}
