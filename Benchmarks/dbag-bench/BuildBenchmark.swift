import DbagKit
import Foundation

/// `dbag-bench build`: 1,000 dashboards × 10 directives over 100 metrics × 365 days.
/// `dbag-bench objects`: a template page for 10,000 objects × 365 days.
/// Each reports seconds per stage and the process's peak memory.
enum BuildBenchmark {
    static func run(objects: Bool) throws {
        // DBAG_BENCH_DIR=/dev/shm measures dbag without the disk's file-creation cost.
        let base = ProcessInfo.processInfo.environment["DBAG_BENCH_DIR"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("dbag-bench-build-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dashboards"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let end = Day("2025-12-31") ?? Day(ordinal: 0)
        let setup = Date()
        if objects {
            try makeObjectsProject(in: folder, end: end)
        } else {
            try makeDashboardsProject(in: folder, end: end)
        }
        print(String(format: "setup (project and store): %.2fs, peak memory so far %.0f MB", Date().timeIntervalSince(setup), PeakMemory.megabytes()))
        let config = try ConfigLoader.load(projectDirectory: folder)
        let started = Date()
        let written = try SiteBuilder(config: config, now: end.date).write(to: folder.appendingPathComponent("site"))
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "build: %d pages, %d files written in %.2fs", written.pages, written.files, seconds))
        print(String(format: "peak memory: %.0f MB", PeakMemory.megabytes()))
    }

    static func makeDashboardsProject(in folder: URL, end: Day) throws {
        var yaml = "title: Bench\nmetrics:\n"
        let formats = ["number", "percent", "duration", "bytes", "currency"]
        for m in 0..<100 { yaml += "  m\(m):\n    name: Metric \(m)\n    format: \(formats[m % 5])\n" }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("dbag.yml"))
        var values: [StoredValue] = []
        values.reserveCapacity(36_500)
        for m in 0..<100 {
            for d in 0..<365 {
                values.append(StoredValue(metric: "m\(m)", day: end.advanced(by: d - 364), value: Double(100 + m + d % 17 + d / 3)))
            }
        }
        let store = try MetricStore(path: folder.appendingPathComponent(".dbag/metrics.sqlite").path)
        try store.save(values)
        for page in 0..<1000 {
            let a = page % 100, b = (page * 7 + 3) % 100, c = (page * 13 + 5) % 100
            let text = """
            ---
            title: Dashboard \(page)
            order: \(page)
            ---
            Today :value{metric=m\(a)} (:delta{metric=m\(a)}).

            :::grid{columns=3}
            ::stat{metric=m\(a)}
            ::stat{metric=m\(b)}
            ::stat{metric=m\(c)}
            :::

            ::chart{metrics="m\(a),m\(b)" period=90d}
            ::chart{metric=m\(c) type=bar by=week period=365d}
            ::table{metrics="m\(a),m\(b),m\(c)"}
            ::sparkline{metric=m\(b)}
            """
            try Data(text.utf8).write(to: folder.appendingPathComponent("dashboards/page-\(page).md"))
        }
        try Data("# Home\n::stat{metric=m0}\n".utf8).write(to: folder.appendingPathComponent("dashboards/index.md"))
    }

    static func makeObjectsProject(in folder: URL, end: Day) throws {
        let yaml = "title: Bench\nmetrics:\n  comments:\n    per: customer\n"
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("dbag.yml"))
        let store = try MetricStore(path: folder.appendingPathComponent(".dbag/metrics.sqlite").path)
        var values: [StoredValue] = []
        values.reserveCapacity(365_000)
        var labels: [(metric: String, key: String, label: String)] = []
        let count = Int(ProcessInfo.processInfo.environment["DBAG_BENCH_OBJECTS"] ?? "") ?? 10_000
        for batch in 0..<(count / 1000) {
            values.removeAll(keepingCapacity: true)
            for k in (batch * 1000)..<((batch + 1) * 1000) {
                labels.append(("comments", "customer-\(k)", "Customer \(k)"))
                for d in 0..<365 {
                    values.append(StoredValue(metric: "comments", key: "customer-\(k)", day: end.advanced(by: d - 364), value: Double(k % 50 + d % 11)))
                }
            }
            try store.save(values)
        }
        try store.save([], labels: labels)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dashboards/customers"), withIntermediateDirectories: true)
        try Data("# Home\n::table{metric=comments top=20}\n".utf8).write(to: folder.appendingPathComponent("dashboards/index.md"))
        let template = """
        ---
        title: "{customer.label}"
        ---
        :::grid{columns=2}
        ::stat{metric=comments}
        ::stat{metric=comments compare=30d}
        :::

        ::chart{metric=comments period=90d}
        """
        try Data(template.utf8).write(to: folder.appendingPathComponent("dashboards/customers/[customer].md"))
    }
}

/// The process's peak resident memory.
enum PeakMemory {
    static func megabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
