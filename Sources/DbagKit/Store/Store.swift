import Foundation

/// The store, whatever its engine: one value per (metric, key, day), object labels,
/// and the log of collection runs. `MetricStore` keeps it in a SQLite file (the
/// default, and the fastest); `PostgreSQLStore` in a PostgreSQL database shared by
/// several hosts. Commands, the collector and the builder see only this interface.
public protocol Store: AnyObject, Sendable {
    /// Saves values (replacing each day's earlier value, or keeping it when `replacing`
    /// is false) and object labels in one transaction.
    func save(_ values: [StoredValue], labels: [(metric: String, key: String, label: String)], replacing: Bool, at now: Date) throws
    /// Saves a collection in one transaction: each successful metric's values replace
    /// everything it had on `day`, labels are updated, and every run is logged.
    func saveCollection(day: Day, outcomes: [MetricOutcome], at now: Date) throws
    /// Every value, grouped by metric then key, days ascending.
    func allSeries() throws -> [String: [String: [DayValue]]]
    /// `allSeries` and `lastSaved` together (SQLite reads both in one pass).
    func allValues() throws -> (series: [String: [String: [DayValue]]], lastSaved: [String: Date])
    /// One series, days ascending.
    func series(_ metric: String, key: String) throws -> [DayValue]
    /// Object labels: metric → key → label.
    func labels() throws -> [String: [String: String]]
    /// The latest run of each metric.
    func latestRuns() throws -> [String: CollectionRun]
    /// When each metric last had a value saved.
    func lastSaved() throws -> [String: Date]
    /// Each metric's values on its latest day.
    func latestValues() throws -> [String: [(key: String, day: Day, value: Double)]]
    /// Writes every value as CSV (`metric,key,day,value`, sorted), in chunks.
    func exportCSV(_ write: (Data) throws -> Void) throws
    /// Imports CSV in the export's form in one transaction, all or nothing; `file` names it in errors.
    func importCSV(_ data: Data, file: String) throws -> CSVImportSummary
    /// The latest failed run of each metric that ever failed.
    func latestFailures() throws -> [String: CollectionRun]
    /// Removes a metric's values (of one key, or all) on the days `from...to` (nil: every day); returns how many.
    @discardableResult
    func delete(metric: String, key: String?, from: Day?, to: Day?) throws -> Int
    /// Whether the store holds any value at all.
    func hasValues() throws -> Bool
    /// Stores an event (`dbag event`).
    func addEvent(_ event: ChartEvent, at now: Date) throws
    /// Every stored event, by day then label.
    func events() throws -> [ChartEvent]
}

extension Store {
    /// Saves values and labels, replacing earlier values of the same days, stamped now.
    public func save(_ values: [StoredValue], labels: [(metric: String, key: String, label: String)] = []) throws {
        try save(values, labels: labels, replacing: true, at: Date())
    }

    /// Saves values and labels, stamped now.
    public func save(_ values: [StoredValue], labels: [(metric: String, key: String, label: String)] = [], replacing: Bool) throws {
        try save(values, labels: labels, replacing: replacing, at: Date())
    }

    /// Saves a collection stamped now.
    public func saveCollection(day: Day, outcomes: [MetricOutcome]) throws {
        try saveCollection(day: day, outcomes: outcomes, at: Date())
    }

    /// Stores an event stamped now.
    public func addEvent(_ event: ChartEvent) throws {
        try addEvent(event, at: Date())
    }

    /// A plain metric's series.
    public func series(_ metric: String) throws -> [DayValue] {
        try series(metric, key: "")
    }

    /// Writes the CSV export to a file handle (e.g. standard output).
    public func exportCSV(to handle: FileHandle) throws {
        try exportCSV { data in try handle.write(contentsOf: data) }
    }

    /// Imports a CSV file (or standard input for `-`); `name` is how errors name it.
    public func importCSV(contentsOf url: URL, name: String? = nil) throws -> CSVImportSummary {
        let file = name ?? url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Diagnostic("cannot read the file", file: file)
        }
        return try importCSV(data, file: file)
    }
}
