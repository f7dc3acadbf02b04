import DbagKit
import Foundation

/// `build`: 1,000 dashboards × 10 directives over 100 metrics × 365 days.
/// `objects`: a template page for 10,000 objects × 365 days.
/// A repetition is `SiteBuilder.write` into a new `site-PID/` of the prepared project,
/// a clean build as in a fresh CI checkout. The sites are removed with the inputs
/// after the last repetition, not before the next: ext4 passes over inodes freed in
/// the last minute when it allocates new ones, so deleting 10,000 pages right before
/// a build made each repetition slower than the one before (objects at idle: 5.07,
/// 5.42, 5.98, 6.01, 6.92 s), which measured the file system's bookkeeping of the
/// previous repetition rather than the build.
enum BuildBenchmark {
    static let end = Day("2025-12-31") ?? Day(ordinal: 0)

    static let dashboards = BenchMode(
        name: "build",
        summary: "1,000 dashboards × 10 directives over 100 metrics × 365 days (small: 100 dashboards)",
        prepare: { folder, size in try makeDashboardsProject(in: folder, pages: size == .small ? 100 : 1000) },
        // Dashboards, the home page, and metrics/ with a page per metric.
        run: { folder, size in try build(folder, expectedPages: (size == .small ? 100 : 1000) + 1 + 1 + 100) })

    static let objects = BenchMode(
        name: "objects",
        summary: "a template over 10,000 objects × 365 days → 10,000 pages (small: 1,000)",
        prepare: { folder, size in try makeObjectsProject(in: folder, count: size == .small ? 1000 : 10_000) },
        // Object pages, home, the objects index, and metrics/ with one metric page.
        run: { folder, size in try build(folder, expectedPages: (size == .small ? 1000 : 10_000) + 2 + 2) })

    /// Builds the project in `folder` into a new folder; fails unless every page was written.
    static func build(_ folder: URL, expectedPages: Int) throws -> [BenchFigure] {
        let site = folder.appendingPathComponent("site-\(getpid())")
        try? FileManager.default.removeItem(at: site)
        let config = try ConfigLoader.load(projectDirectory: folder)
        var written = (pages: 0, files: 0)
        let seconds = try BenchFolder.time {
            written = try SiteBuilder(config: config, now: end.date).write(to: site)
        }
        guard written.pages == expectedPages else {
            throw BenchFailure("built \(written.pages) pages, expected \(expectedPages)")
        }
        return [BenchFigure("build", seconds, "s"), BenchFigure("files written", Double(written.files), "files")]
    }

    static func makeDashboardsProject(in folder: URL, pages: Int) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dashboards"), withIntermediateDirectories: true)
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
        for page in 0..<pages {
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

    static func makeObjectsProject(in folder: URL, count: Int) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dashboards/customers"), withIntermediateDirectories: true)
        let yaml = "title: Bench\nmetrics:\n  comments:\n    per: customer\n"
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("dbag.yml"))
        let store = try MetricStore(path: folder.appendingPathComponent(".dbag/metrics.sqlite").path)
        var values: [StoredValue] = []
        values.reserveCapacity(365_000)
        var labels: [(metric: String, key: String, label: String)] = []
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
