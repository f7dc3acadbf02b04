import Foundation
import Testing

/// Each engine writes `metric_values` through one statement, and only the SQLite
/// wrapper calls libsqlite3: checked on the sources, so a second path cannot creep in.
@Suite struct StoreWritePathTests {
    /// Every Swift file under `Sources/`, by path relative to it.
    static func sources() throws -> [String: String] {
        let root = ArchitectureTests.repository.appendingPathComponent("Sources")
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        var texts: [String: String] = [:]
        for path in paths where path.hasSuffix(".swift") {
            texts[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return texts
    }

    @Test func oneStatementPerEngineWritesMetricValues() throws {
        let writers = try Self.sources().filter { _, text in
            text.range(of: #"\b(INSERT|REPLACE)\b[^\n]*\bINTO\s+metric_values\b"#, options: [.regularExpression, .caseInsensitive]) != nil
        }.keys.sorted()
        #expect(writers == ["DbagKit/Store/MetricValueWriter.swift", "DbagKit/Store/PostgreSQLStore+Values.swift"])
    }

    @Test func onlyTheWrapperCallsLibsqlite3() throws {
        let callers = try Self.sources().filter { _, text in text.contains("sqlite3_") }.keys.sorted()
        #expect(callers == ["DbagKit/Store/SQLite.swift"])
    }
}
