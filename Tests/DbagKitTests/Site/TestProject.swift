import Foundation
@testable import DbagKit

/// A whole project written from one string, Hugo-style:
/// `-- dbag.yml --` … `-- dashboards/index.md --` …
struct TestProject {
    let folder: TemporaryFolder

    init(_ files: String) throws {
        folder = try TemporaryFolder()
        var name: String?
        var lines: [Substring] = []
        func flush() throws {
            if let name { try folder.write(name, lines.joined(separator: "\n") + "\n") }
        }
        for line in files.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                try flush()
                name = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        try flush()
    }

    var url: URL { folder.url }

    func config() throws -> Config {
        try ConfigLoader.load(projectDirectory: url)
    }

    /// Saves values into the project's store.
    func store(_ values: [StoredValue], labels: [(metric: String, key: String, label: String)] = [], at date: Date = Date(timeIntervalSince1970: 1_764_000_000)) throws {
        let store = try MetricStore(path: try config().storePath)
        try store.save(values, labels: labels, at: date)
    }

    /// Builds in memory: path → text.
    func build(now: Date = Date(timeIntervalSince1970: 1_764_000_000)) throws -> [String: String] {
        let files = try SiteBuilder(config: try config(), now: now).build()
        var out: [String: String] = [:]
        for file in files { out[file.path] = String(decoding: file.contents, as: UTF8.self) }
        return out
    }

    func remove() { folder.remove() }
}

/// `n` daily values ending at `end`, rising by `step`.
func daily(_ metric: String, key: String = "", end: String = "2025-11-24", count: Int = 60, start: Double = 100, step: Double = 1) -> [StoredValue] {
    guard let last = Day(end) else { return [] }
    return (0..<count).map { i in
        StoredValue(metric: metric, key: key, day: last.advanced(by: i - count + 1), value: start + Double(i) * step)
    }
}
