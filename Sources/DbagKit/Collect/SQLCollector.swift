import Dispatch
import Foundation
import Yams

/// `collect: { source: app, sql: "SELECT …" }`: a query against a source opened read-only.
///
/// A plain metric reads one row: the column named `value`, else the first.
/// A per-object metric reads `key, [label,] value` rows: columns named `key`,
/// `label` and `value` when present, else by position.
public struct SQLCollector: Collector {
    public static let kind = "sql"
    public static let keys = ["sql", "source", "timeout"]

    /// The source's name in dbag.yml.
    public var source: String
    public var sql: String
    /// Seconds before the query is interrupted.
    public var timeout: Double
    /// Where the query is in dbag.yml.
    public var sqlLocation: SourceLocation?

    public init(source: String, sql: String, timeout: Double = 30, sqlLocation: SourceLocation? = nil) {
        self.source = source
        self.sql = sql
        self.timeout = timeout
        self.sqlLocation = sqlLocation
    }

    public var sourceNames: [String] { [source] }

    public static func parse(_ values: [String: Node], reader: YAMLReader, node: Node, config: Config) -> SQLCollector? {
        let sql = values["sql"].flatMap { reader.string($0, key: "sql") }
        let timeout = reader.timeout(values, default: 30)
        guard let sourceNode = values["source"] else {
            reader.error("an sql collector needs a source (one of: \(config.sources.keys.sorted().joined(separator: ", ")))", at: node)
            return nil
        }
        guard let source = reader.string(sourceNode, key: "source") else { return nil }
        guard config.sources[source] != nil else {
            reader.error("unknown source '\(source)'" + Suggestion.hint(for: source, in: config.sources.keys), at: sourceNode)
            return nil
        }
        guard let sql, !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            reader.error("the sql of an sql collector is empty", at: values["sql"] ?? node)
            return nil
        }
        return SQLCollector(source: source, sql: sql, timeout: timeout, sqlLocation: values["sql"].flatMap(reader.location(of:)))
    }

    public func collect(_ context: CollectContext) async throws -> [CollectedValue] {
        guard let path = context.config.sources[source]?.path else {
            throw CollectError("unknown source '\(source)'")
        }
        let sql = sql, timeout = timeout, perObject = context.metric.per != nil, pool = context.sources ?? SourcePool()
        let location = sqlLocation
        return try await Blocking.run {
            try SQLCollector.query(path: path, sql: sql, timeout: timeout, perObject: perObject, pool: pool, location: location)
        }
    }

    /// Runs the query synchronously, interrupting it after `timeout` seconds.
    static func query(path: String, sql: String, timeout: Double, perObject: Bool, pool: SourcePool,
                      location: SourceLocation? = nil) throws -> [CollectedValue] {
        try SourceQuery.run(path: path, sql: sql, timeout: timeout, pool: pool, location: location) { statement in
            perObject ? try objectRows(statement) : [try singleValue(statement)]
        }
    }

    static func singleValue(_ statement: SQLiteStatement) throws -> CollectedValue {
        guard try statement.step() else {
            throw CollectError("query returned no rows (in `\(statement.sql)`)")
        }
        let column = statement.columnIndex(named: "value") ?? 0
        let value = try number(statement, column)
        if try statement.step() {
            throw CollectError("query returned more than one row; a plain metric needs one (add `per:` to collect one value per object) (in `\(statement.sql)`)")
        }
        return CollectedValue(value: value)
    }

    static func objectRows(_ statement: SQLiteStatement) throws -> [CollectedValue] {
        let count = statement.columnCount
        guard count >= 2 else {
            throw CollectError("a per-object query returns key, [label,] value columns, not \(count) (in `\(statement.sql)`)")
        }
        let keyColumn = statement.columnIndex(named: "key") ?? 0
        let valueColumn = statement.columnIndex(named: "value") ?? (count >= 3 ? 2 : 1)
        let labelColumn = statement.columnIndex(named: "label") ?? (count >= 3 && statement.columnIndex(named: "value") == nil ? 1 : nil)
        var values: [CollectedValue] = []
        var seen = Set<String>()
        while try statement.step() {
            guard !statement.isNull(keyColumn) else {
                throw CollectError("a row has a NULL key (in `\(statement.sql)`)")
            }
            let key = statement.string(keyColumn)
            guard seen.insert(key).inserted else {
                throw CollectError("key '\(key)' appears in two rows; group by key (in `\(statement.sql)`)")
            }
            let label = labelColumn.flatMap { statement.isNull($0) ? nil : statement.string($0) }
            values.append(CollectedValue(key: key, label: label, value: try number(statement, valueColumn)))
        }
        return values
    }

    static func number(_ statement: SQLiteStatement, _ column: Int) throws -> Double {
        if statement.isNull(column) { throw CollectError("query returned NULL (in `\(statement.sql)`)") }
        guard let value = statement.number(column) else {
            throw CollectError("query returned '\(statement.string(column))', not a number (in `\(statement.sql)`)")
        }
        return value
    }
}

extension SQLiteStatement {
    /// A column as a finite number: integers, reals, or text that reads as one; else nil.
    func number(_ column: Int) -> Double? {
        let value: Double?
        switch self.value(column) {
        case .integer(let n): value = Double(n)
        case .real(let d): value = d
        case .text(let t): value = Double(t.trimmingCharacters(in: .whitespaces))
        case .null: value = nil
        }
        return value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The index of the result column with this name (case-insensitive), if any.
    func columnIndex(named name: String) -> Int? {
        (0..<columnCount).first { columnName($0).lowercased() == name }
    }
}
