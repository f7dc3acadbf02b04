import Foundation

/// Read-only source connections kept open for one run, so 1,000 sql metrics over
/// one source do not connect 1,000 times. A PostgreSQL or MySQL source gets one connection
/// per run (queries take turns on it); a SQLite file one per concurrent query.
/// A source that cannot be opened fails every later query at once, with the same error.
public final class SourcePool: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [String: [any SourceConnection]] = [:]
    private var open: [String: Int] = [:]
    private var failed: [String: CollectError] = [:]
    /// The project's time zone: the one days are read in.
    let timeZone: TimeZone

    public init(timeZone: TimeZone = .gmt) {
        self.timeZone = timeZone
    }

    /// An open connection to `source`, waiting for one when the source allows no more.
    func checkout(_ source: Source) throws(CollectError) -> any SourceConnection {
        condition.lock()
        while true {
            if let error = failed[source.name] {
                condition.unlock()
                throw error
            }
            if let connection = idle[source.name]?.popLast() {
                condition.unlock()
                return connection
            }
            if open[source.name, default: 0] < SourcePool.limit(source) { break }
            condition.wait()
        }
        open[source.name, default: 0] += 1
        condition.unlock()
        do {
            return try connect(source)
        } catch {
            condition.lock()
            open[source.name, default: 0] -= 1
            failed[source.name] = error
            condition.broadcast()
            condition.unlock()
            throw error
        }
    }

    /// Hands a connection back for the next query.
    func checkin(_ connection: any SourceConnection, of source: Source) {
        condition.lock()
        idle[source.name, default: []].append(connection)
        condition.signal()
        condition.unlock()
    }

    /// Drops a connection that may be in a bad state (an interrupted query, a lost server).
    func discard(of source: Source) {
        condition.lock()
        open[source.name, default: 0] -= 1
        condition.signal()
        condition.unlock()
    }

    /// Opens a new connection: the one place that picks the engine.
    private func connect(_ source: Source) throws(CollectError) -> any SourceConnection {
        switch source.address {
        case .sqlite(let path):
            return try SQLiteSource(path: path)
        case .postgres(let template):
            return try PostgreSQLSource(conninfo: try source.expanded(template), name: source.name, timeZone: timeZone)
        case .mysql(let template):
            return try MySQLSource(url: try MySQLSource.url(template), name: source.name, timeZone: timeZone)
        }
    }

    static func limit(_ source: Source) -> Int {
        switch source.address {
        case .sqlite: SQLiteSource.maxConnections
        case .postgres: PostgreSQLSource.maxConnections
        case .mysql: MySQLSource.maxConnections
        }
    }
}

extension Source {
    /// A connection string with `${NAME}` read from the environment; an unset variable is a located error.
    func expanded(_ template: EnvironmentString) throws(CollectError) -> String {
        do {
            return try template.expand()
        } catch {
            throw CollectError(error.description)
        }
    }

    /// Checks that every `${NAME}` this source names is set.
    public func checkEnvironment() throws(Diagnostic) {
        _ = try address.connectionString?.expand()
    }
}

extension Config {
    /// Checks that the sources `metrics` read have every `${NAME}` they name set,
    /// so a missing password is one located error, not a failure per metric.
    public func checkSourceEnvironment(for metrics: [Metric]) throws(DiagnosticList) {
        var names: [String] = []
        for metric in metrics {
            if let name = metric.query?.source, !names.contains(name) {
                names.append(name)
            }
        }
        var errors: [Diagnostic] = []
        for name in names {
            do {
                try sources[name]?.checkEnvironment()
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
    }
}
