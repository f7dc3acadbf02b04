import Foundation

/// One stored value: a metric's value for one key on one day.
public struct StoredValue: Sendable, Hashable {
    public var metric: String
    public var key: String
    public var day: Day
    public var value: Double

    public init(metric: String, key: String = "", day: Day, value: Double) {
        self.metric = metric
        self.key = key
        self.day = day
        self.value = value
    }
}

/// One logged collection of one metric.
public struct CollectionRun: Sendable, Hashable {
    public var metric: String
    public var day: Day
    public var started: Date
    public var finished: Date
    /// nil when the run succeeded.
    public var error: String?

    public init(metric: String, day: Day, started: Date, finished: Date, error: String? = nil) {
        self.metric = metric
        self.day = day
        self.started = started
        self.finished = finished
        self.error = error
    }
}

/// The SQLite file that remembers one value per (metric, key, day).
public final class MetricStore: @unchecked Sendable {
    public let database: SQLiteDatabase
    /// The schema version opened: the latest, or an older one read as it is.
    public private(set) var schemaVersion = StoreSchema.migrations.count

    /// Opens (creating with its folder, unless read-only) and migrates the store.
    public init(path: String, readOnly: Bool = false) throws {
        if !readOnly {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        database = try SQLiteDatabase(path: path, readOnly: readOnly)
        if readOnly {
            // An older store reads as it is (what a later migration adds is simply absent).
            let version = try database.userVersion
            guard (1...StoreSchema.migrations.count).contains(version) else {
                throw SQLiteError(code: 1, message: "\(path) is not a dbag store at this version (run `dbag collect` or any writing command first)")
            }
            schemaVersion = version
            return
        }
        try database.useWAL()
        try database.execute("PRAGMA synchronous = NORMAL")
        try database.migrate(StoreSchema.migrations)
    }

    /// Saves values (replacing each day's earlier value, or keeping it when `replacing` is false)
    /// and object labels in one transaction.
    public func save(_ values: [StoredValue], labels: [(metric: String, key: String, label: String)] = [],
                     replacing: Bool = true, at now: Date = Date()) throws {
        let texts = values.map { ($0.key, "key") } + labels.flatMap { [($0.key, "key"), ($0.label, "label")] }
        if let problem = texts.lazy.compactMap({ StoredText.problem($0, what: $1) }).first { throw Diagnostic(problem) }
        let stamp = Timestamp.string(now)
        try database.transaction {
            let writer = MetricValueWriter(database, replacing: replacing, stamp: stamp)
            for v in values {
                try writer.add(metric: v.metric, key: v.key, day: v.day, value: v.value)
            }
            try writer.finish()
            let label = try database.prepare("INSERT OR REPLACE INTO object_labels (metric, key, label) VALUES (?, ?, ?)")
            for l in labels {
                try label.run([.text(l.metric), .text(l.key), .text(l.label)])
            }
        }
    }

    /// Every value of every metric, grouped by metric then key, days ascending.
    /// A row that is not what dbag writes (a hand-edited day or value) is an error naming it.
    public func allSeries() throws -> [String: [String: [DayValue]]] {
        try allValues().series
    }

    /// Every value (as `allSeries`) and when each metric last had a value saved (as
    /// `lastSaved`), in one read of the table from both ends at once (`ValueScan`).
    public func allValues() throws -> (series: [String: [String: [DayValue]]], lastSaved: [String: Date]) {
        // A second connection to the same file, when it opens (an in-memory database
        // has no second, and a store deleted while open cannot be opened again).
        let path = database.path
        let backward = path.isEmpty || path == ":memory:" ? nil : try? SQLiteDatabase(path: path, readOnly: true)
        let values = try ValueScan.read(database, backward: backward, store: path)
        return (values.series, values.lastSaved)
    }

    /// One series, days ascending.
    public func series(_ metric: String, key: String = "") throws -> [DayValue] {
        let statement = try database.prepare("SELECT metric, key, day, value FROM metric_values WHERE metric = ? AND key = ? ORDER BY day")
        try statement.bind([.text(metric), .text(key)])
        var points: [DayValue] = []
        while try statement.step() {
            let row = StoreRow(statement, store: database.path)
            points.append(DayValue(day: try row.day(2), value: try row.value(3)))
        }
        return points
    }

    /// Object labels: metric → key → label.
    public func labels() throws -> [String: [String: String]] {
        let statement = try database.prepare("SELECT metric, key, label FROM object_labels")
        var result: [String: [String: String]] = [:]
        while try statement.step() {
            result[statement.string(0), default: [:]][statement.string(1)] = statement.string(2)
        }
        return result
    }

    /// The latest run of each metric (successful or not).
    public func latestRuns() throws -> [String: CollectionRun] {
        try runs(latest: "SELECT max(id) FROM collection_runs GROUP BY metric")
    }

    /// The latest failed run of each metric that ever failed.
    public func latestFailures() throws -> [String: CollectionRun] {
        try runs(latest: "SELECT max(id) FROM collection_runs WHERE status = 'error' GROUP BY metric")
    }

    /// The runs whose ids `subquery` selects, by metric.
    private func runs(latest subquery: String) throws -> [String: CollectionRun] {
        let statement = try database.prepare("""
            SELECT metric, '' AS key, day, started_at, finished_at, error FROM collection_runs
            WHERE id IN (\(subquery))
            """)
        var result: [String: CollectionRun] = [:]
        while try statement.step() {
            let row = StoreRow(statement, store: database.path, table: "collection_runs")
            result[statement.string(0)] = CollectionRun(
                metric: statement.string(0), day: try row.day(2),
                started: try row.time(3), finished: try row.time(4),
                error: statement.isNull(5) ? nil : statement.string(5))
        }
        return result
    }

    /// When each metric last had a value saved (collected, recorded or imported).
    public func lastSaved() throws -> [String: Date] {
        // SQLite takes the bare columns (key, day) from the row holding the max.
        let statement = try database.prepare("SELECT metric, key, day, max(collected_at) AS collected_at FROM metric_values GROUP BY metric")
        var result: [String: Date] = [:]
        while try statement.step() {
            result[statement.string(0)] = try StoreRow(statement, store: database.path).time(3)
        }
        return result
    }
}
