import Foundation

/// The store in a PostgreSQL database, for several hosts collecting into one place.
/// The same tables as the SQLite store, created and migrated by dbag under an advisory
/// lock (so racing processes are safe); every write is an upsert, so collects and
/// records from many processes at once lose nothing.
public final class PostgreSQLStore: Store, @unchecked Sendable {
    let connection: PostgreSQLConnection
    private let lock = NSLock()

    /// The key of the advisory lock migrations hold ("dbag" in ASCII).
    static let migrationLock = 0x6462_6167

    /// Connects; unless `readOnly`, creates or migrates the tables. Read-only, a
    /// database without dbag's tables yet is nil (no data).
    public static func open(_ conninfo: String, readOnly: Bool = false) throws -> PostgreSQLStore? {
        let store = try PostgreSQLStore(conninfo)
        if readOnly {
            try store.connection.execute("SET default_transaction_read_only = on")
            guard let version = try store.schemaVersion() else { return nil }
            guard version == PostgreSQLSchema.migrations.count else {
                throw Diagnostic("the PostgreSQL store has schema version \(version), this dbag expects \(PostgreSQLSchema.migrations.count) (run any writing command, or upgrade dbag)")
            }
            return store
        }
        try store.migrate()
        return store
    }

    private init(_ conninfo: String) throws {
        do {
            connection = try PostgreSQLConnection(conninfo)
        } catch {
            throw Diagnostic("the PostgreSQL store: \(error.message)")
        }
        try connection.execute("SET client_min_messages = warning")
    }

    /// The schema version, or nil when dbag's tables do not exist.
    func schemaVersion() throws -> Int? {
        guard try connection.query("SELECT to_regclass('dbag_schema') IS NOT NULL").text(0, 0) == "t" else { return nil }
        let result = try connection.query("SELECT coalesce(max(version), 0) FROM dbag_schema")
        return Int(result.text(0, 0))
    }

    /// Applies the migrations not yet applied, in one transaction under an advisory lock.
    func migrate() throws {
        try transaction {
            try connection.query("SELECT pg_advisory_xact_lock($1)", [String(PostgreSQLStore.migrationLock)])
            try connection.execute("CREATE TABLE IF NOT EXISTS dbag_schema (version integer NOT NULL)")
            let version = try schemaVersion() ?? 0
            guard version <= PostgreSQLSchema.migrations.count else {
                throw Diagnostic("the PostgreSQL store has schema version \(version), newer than this dbag knows (\(PostgreSQLSchema.migrations.count)); upgrade dbag")
            }
            for (index, sql) in PostgreSQLSchema.migrations.enumerated().dropFirst(version) {
                try connection.execute(sql)
                try connection.query("DELETE FROM dbag_schema")
                try connection.query("INSERT INTO dbag_schema (version) VALUES ($1)", [String(index + 1)])
            }
        }
    }

    /// Runs `body` in a transaction on this store's connection, one at a time.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock {
            try connection.execute("BEGIN")
            do {
                let result = try body()
                try connection.execute("COMMIT")
                return result
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs a read on this store's connection, one at a time.
    func read(_ sql: String, _ parameters: [String?] = []) throws -> PostgreSQLResult {
        try lock.withLock { try connection.query(sql, parameters) }
    }

    public func save(_ values: [StoredValue], labels: [(metric: String, key: String, label: String)], replacing: Bool, at now: Date) throws {
        let stamp = Timestamp.string(now)
        try transaction {
            try upsert(values.map { ($0.metric, $0.key, $0.day.description, $0.value) }, stamp: stamp, replacing: replacing)
            try upsertLabels(labels)
        }
    }

    public func saveCollection(day: Day, outcomes: [MetricOutcome], at now: Date) throws {
        let stamp = Timestamp.string(now), dayText = day.description
        try transaction {
            var runs: [String?] = []
            for outcome in outcomes {
                runs += [outcome.slug, dayText, Timestamp.string(outcome.started), Timestamp.string(outcome.finished),
                         outcome.error == nil ? "ok" : "error", outcome.error]
            }
            try insertRows("INSERT INTO collection_runs (metric, day, started_at, finished_at, status, error) VALUES", width: 6, runs, suffix: "")
            let saved = outcomes.filter { $0.error == nil }
            for outcome in saved {
                try connection.query("DELETE FROM metric_values WHERE metric = $1 AND day = $2", [outcome.slug, dayText])
            }
            try upsert(saved.flatMap { outcome in outcome.values.map { (outcome.slug, $0.key, dayText, $0.value) } }, stamp: stamp, replacing: true)
            try upsertLabels(saved.flatMap { outcome in outcome.values.compactMap { v in v.label.map { (outcome.slug, v.key, $0) } } })
        }
    }

    private func upsertLabels(_ labels: [(metric: String, key: String, label: String)]) throws {
        var seen = Set<[String]>(), parameters: [String?] = []
        for label in labels.reversed() where seen.insert([label.metric, label.key]).inserted {
            parameters += [label.metric, label.key, label.label]
        }
        try insertRows("INSERT INTO object_labels (metric, key, label) VALUES", width: 3, parameters,
                       suffix: " ON CONFLICT (metric, key) DO UPDATE SET label = EXCLUDED.label")
    }

    /// Inserts rows of `width` bound parameters, 1,000 rows per statement.
    private func insertRows(_ insert: String, width: Int, _ parameters: [String?], suffix: String) throws {
        let rowsPerStatement = 1000
        var start = 0
        while start < parameters.count {
            let chunk = Array(parameters[start..<min(parameters.count, start + rowsPerStatement * width)])
            let rows = (0..<chunk.count / width).map { row in
                "(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")"
            }
            try connection.query(insert + " " + rows.joined(separator: ", ") + suffix, chunk)
            start += chunk.count
        }
    }

    public func allSeries() throws -> [String: [String: [DayValue]]] {
        let result = try read("SELECT metric, key, day, value FROM metric_values ORDER BY metric, key, day")
        var series: [String: [String: [DayValue]]] = [:]
        for row in 0..<result.rowCount {
            guard let day = Day(result.text(row, 2)), let value = Double(result.text(row, 3)) else { continue }
            series[result.text(row, 0), default: [:]][result.text(row, 1), default: []].append(DayValue(day: day, value: value))
        }
        return series
    }

    public func series(_ metric: String, key: String) throws -> [DayValue] {
        let result = try read("SELECT day, value FROM metric_values WHERE metric = $1 AND key = $2 ORDER BY day", [metric, key])
        return (0..<result.rowCount).compactMap { row in
            guard let day = Day(result.text(row, 0)), let value = Double(result.text(row, 1)) else { return nil }
            return DayValue(day: day, value: value)
        }
    }

    public func labels() throws -> [String: [String: String]] {
        let result = try read("SELECT metric, key, label FROM object_labels")
        var labels: [String: [String: String]] = [:]
        for row in 0..<result.rowCount { labels[result.text(row, 0), default: [:]][result.text(row, 1)] = result.text(row, 2) }
        return labels
    }

    public func latestRuns() throws -> [String: CollectionRun] {
        try runs(where: "")
    }

    public func latestFailures() throws -> [String: CollectionRun] {
        try runs(where: "WHERE status = 'error'")
    }

    /// The latest run of each metric among those `filter` keeps.
    private func runs(where filter: String) throws -> [String: CollectionRun] {
        let result = try read("SELECT DISTINCT ON (metric) metric, day, started_at, finished_at, error FROM collection_runs \(filter) ORDER BY metric, id DESC")
        var runs: [String: CollectionRun] = [:]
        for row in 0..<result.rowCount {
            guard let day = Day(result.text(row, 1)) else { continue }
            runs[result.text(row, 0)] = CollectionRun(
                metric: result.text(row, 0), day: day,
                started: Timestamp.date(result.text(row, 2)) ?? .distantPast,
                finished: Timestamp.date(result.text(row, 3)) ?? .distantPast,
                error: result.isNull(row, 4) ? nil : result.text(row, 4))
        }
        return runs
    }

    public func allValues() throws -> (series: [String: [String: [DayValue]]], lastSaved: [String: Date]) {
        (try allSeries(), try lastSaved())
    }

    public func lastSaved() throws -> [String: Date] {
        let result = try read("SELECT metric, max(collected_at) FROM metric_values GROUP BY metric")
        var saved: [String: Date] = [:]
        for row in 0..<result.rowCount { saved[result.text(row, 0)] = Timestamp.date(result.text(row, 1)) }
        return saved
    }

    public func latestValues() throws -> [String: [(key: String, day: Day, value: Double)]] {
        let result = try read("""
            SELECT v.metric, v.key, v.day, v.value FROM metric_values v
            JOIN (SELECT metric, max(day) AS day FROM metric_values GROUP BY metric) m ON v.metric = m.metric AND v.day = m.day
            ORDER BY v.metric, v.key
            """)
        var latest: [String: [(key: String, day: Day, value: Double)]] = [:]
        for row in 0..<result.rowCount {
            guard let day = Day(result.text(row, 2)), let value = Double(result.text(row, 3)) else { continue }
            latest[result.text(row, 0), default: []].append((result.text(row, 1), day, value))
        }
        return latest
    }
}
