import Dispatch
import Foundation

/// `collect: { source: app, sql: "SELECT …" }`: a query against a source opened read-only.
///
/// A plain metric reads one row: the column named `value`, else the first.
/// A per-object metric reads `key, [label,] value` rows: columns named `key`,
/// `label` and `value` when present, else by position.
public struct SQLCollector: Collector {
    /// The query, as dbag.yml writes it.
    public var query: SQLQuery

    /// The collector for a query of dbag.yml.
    public init(_ query: SQLQuery) {
        self.query = query
    }

    public func collect(_ context: CollectContext) async throws -> [CollectedValue] {
        guard let source = context.config.sources[query.source] else {
            throw CollectError("unknown source '\(query.source)'")
        }
        let sql = query.sql, timeout = query.timeout, perObject = context.metric.per != nil
        let pool = context.sources ?? SourcePool(timeZone: context.config.timeZone), location = query.sqlLocation
        return try await Blocking.run {
            try SourceQuery.run(source, sql: sql, timeout: timeout, pool: pool, location: location) { rows in
                perObject ? try SQLCollector.objectRows(rows) : [try SQLCollector.singleValue(rows)]
            }
        }
    }

    static func singleValue(_ rows: any SourceRows) throws -> CollectedValue {
        guard try rows.next() else {
            throw CollectError("query returned no rows (in `\(rows.sql)`)")
        }
        let column = rows.columnIndex(named: "value") ?? 0
        let value = try number(rows, column)
        if try rows.next() {
            throw CollectError("query returned more than one row; a plain metric needs one (add `per:` to collect one value per object) (in `\(rows.sql)`)")
        }
        return CollectedValue(value: value)
    }

    static func objectRows(_ rows: any SourceRows) throws -> [CollectedValue] {
        let count = rows.columnCount
        guard count >= 2 else {
            throw CollectError("a per-object query returns key, [label,] value columns, not \(count) (in `\(rows.sql)`)")
        }
        let keyColumn = rows.columnIndex(named: "key") ?? 0
        let valueColumn = rows.columnIndex(named: "value") ?? (count >= 3 ? 2 : 1)
        let labelColumn = rows.columnIndex(named: "label") ?? (count >= 3 && rows.columnIndex(named: "value") == nil ? 1 : nil)
        var values: [CollectedValue] = []
        var seen = Set<String>()
        while try rows.next() {
            let key = rows.value(keyColumn)
            guard !key.isNull else {
                throw CollectError("a row has a NULL key (in `\(rows.sql)`)")
            }
            guard seen.insert(key.text).inserted else {
                throw CollectError("key '\(key.text)' appears in two rows; group by key (in `\(rows.sql)`)")
            }
            let label = labelColumn.map { rows.value($0) }.flatMap { $0.isNull ? nil : $0.text }
            values.append(CollectedValue(key: key.text, label: label, value: try number(rows, valueColumn)))
        }
        return values
    }

    static func number(_ rows: any SourceRows, _ column: Int) throws -> Double {
        let value = rows.value(column)
        if value.isNull { throw CollectError("query returned NULL (in `\(rows.sql)`)") }
        guard let number = value.number else {
            throw CollectError("query returned '\(value.text)', not a number (in `\(rows.sql)`)")
        }
        return number
    }
}
