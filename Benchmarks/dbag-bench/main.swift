// dbag-bench: rerunnable benchmarks. Run in release:
//   swift run -c release dbag-bench build     # 1,000 dashboards × 10 directives, 100 metrics × 365 days
//   swift run -c release dbag-bench objects   # 10,000 object pages × 365 days
let mode = CommandLine.arguments.dropFirst().first ?? "build"
do {
    switch mode {
    case "build": try BuildBenchmark.run(objects: false)
    case "objects": try BuildBenchmark.run(objects: true)
    default: print("usage: dbag-bench build|objects")
    }
} catch {
    print("benchmark failed: \(error)")
}
