// dbag-bench: rerunnable benchmarks. Run in release:
//   swift run -c release dbag-bench collect   # 1,000 sql metrics over a 1,000,000-row source
//   swift run -c release dbag-bench import    # a 1,000,000-row CSV import (and export)
//   swift run -c release dbag-bench build     # 1,000 dashboards × 10 directives, 100 metrics × 365 days
//   swift run -c release dbag-bench objects   # 10,000 object pages × 365 days (DBAG_BENCH_OBJECTS=N for fewer)
let mode = CommandLine.arguments.dropFirst().first ?? "build"
do {
    switch mode {
    case "collect": try await CollectBenchmark.run()
    case "import": try ImportBenchmark.run()
    case "build": try BuildBenchmark.run(objects: false)
    case "objects": try BuildBenchmark.run(objects: true)
    default: print("usage: dbag-bench collect|import|build|objects")
    }
} catch {
    print("benchmark failed: \(error)")
}
