import Foundation
import Testing
@testable import DbagKit

/// A throwaway project folder: write files, load its dbag.yml, open its store.
final class ScratchProject {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dbag-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var path: String { directory.path }

    /// Writes a file relative to the project.
    func write(_ relativePath: String, _ text: String) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Creates a SQLite database in the project by running `sql`.
    func database(_ name: String, _ sql: String) throws {
        let db = try SQLiteDatabase(path: directory.appendingPathComponent(name).path)
        try db.execute(sql)
    }

    /// Writes dbag.yml and loads it.
    func config(_ yaml: String) throws -> Config {
        try write("dbag.yml", yaml)
        return try ConfigLoader.load(projectDirectory: directory)
    }

    func store() throws -> MetricStore {
        try MetricStore(path: directory.appendingPathComponent(".dbag/metrics.sqlite").path)
    }

    /// Collects one metric of `config` directly.
    static func collect(_ slug: String, in config: Config, day: Day = Day(ordinal: 20_000)) async throws -> [CollectedValue] {
        let metric = try #require(config.metric(slug))
        let collector = try #require(metric.collector)
        return try await collector.collect(CollectContext(config: config, metric: metric, day: day))
    }

    /// The message of the error `body` throws, or nil.
    static func errorText(_ body: () async throws -> some Any) async -> String? {
        do {
            _ = try await body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
