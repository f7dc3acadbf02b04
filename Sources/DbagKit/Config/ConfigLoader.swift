import Foundation
import Yams

/// Loads and validates dbag.yml.
public enum ConfigLoader {
    static let topKeys = ["title", "base_url", "theme", "store", "timezone", "unsafe_html", "show_queries", "sources", "metrics", "events"]
    static let metricKeys = ["name", "description", "unit", "format", "good", "aggregate", "per", "active",
                             "stale_after", "alert", "collect", "series",
                             "target", "missing", "category"]

    /// Loads `dbag.yml` from a project folder.
    public static func load(projectDirectory: URL) throws(DiagnosticList) -> Config {
        let url = projectDirectory.appendingPathComponent("dbag.yml")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticList([Diagnostic("no dbag.yml in \(projectDirectory.path) (run `dbag init` to make one)", file: "dbag.yml")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic("dbag.yml is not UTF-8 text", file: "dbag.yml")])
        }
        var config = try parse(text, directory: projectDirectory)
        if let store = ProcessInfo.processInfo.environment["DBAG_STORE"], !store.isEmpty {
            do {
                try config.setStore(store, location: nil, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            } catch {
                throw DiagnosticList([Diagnostic("DBAG_STORE: \(error.message)")])
            }
        }
        return config
    }

    /// Parses dbag.yml text; every mistake is reported with its line and column.
    public static func parse(_ text: String, directory: URL, file: String = "dbag.yml") throws(DiagnosticList) -> Config {
        let reader = YAMLReader(file: file)
        var config = Config(directory: directory.standardizedFileURL)
        guard let root = reader.compose(text) else {
            if reader.diagnostics.isEmpty { return config }  // an empty file is an empty project
            throw DiagnosticList(reader.diagnostics)
        }
        guard let pairs = reader.mapping(root, allowed: topKeys, what: "dbag.yml") else {
            throw DiagnosticList(reader.diagnostics)
        }
        var metricsNode: Node?
        var eventsNode: Node?
        for (key, _, value) in pairs {
            switch key {
            case "title": config.title = reader.string(value, key: key) ?? config.title
            case "base_url":
                if let text = reader.string(value, key: key) {
                    do { config.baseURL = try Config.validatedBaseURL(text) } catch { reader.error(error.message, at: value) }
                }
            case "theme": config.theme = reader.string(value, key: key) ?? config.theme
            case "store":
                if let text = reader.string(value, key: key) {
                    do {
                        try config.setStore(text, location: reader.location(of: value))
                    } catch {
                        reader.error(error.message, at: value)
                    }
                }
            case "timezone":
                if let name = reader.string(value, key: key) {
                    if let zone = TimeZone(identifier: name) { config.timeZone = zone } else {
                        reader.error("unknown timezone '\(name)' (use an IANA name such as UTC or Europe/Paris)", at: value)
                    }
                }
            case "unsafe_html": config.unsafeHTML = reader.bool(value, key: key) ?? false
            case "sources":
                config.sources = parseSources(value, reader: reader, directory: config.directory)
                for (name, location) in sourceLocations(value, reader: reader) { config.pathLocations["sources." + name] = location }
            case "show_queries": config.showQueries = reader.bool(value, key: key) ?? false
            case "metrics": metricsNode = value
            case "events": eventsNode = value
            default: break
            }
        }
        if let metricsNode {
            config.metrics = parseMetrics(metricsNode, reader: reader, config: config)
        }
        if let eventsNode {
            config.events = parseEvents(eventsNode, reader: reader, slugs: config.metrics.map(\.slug))
        }
        if !reader.diagnostics.isEmpty { throw DiagnosticList(reader.diagnostics) }
        return config
    }

    static func resolve(_ path: String, in directory: URL) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return directory.appendingPathComponent(expanded).standardizedFileURL.path
    }

    static func parseSources(_ node: Node, reader: YAMLReader, directory: URL) -> [String: Source] {
        guard let pairs = reader.mapping(node, what: "sources") else { return [:] }
        var sources: [String: Source] = [:]
        for (name, _, value) in pairs {
            guard let fields = reader.mapping(value, allowed: Source.engines, what: "source '\(name)'") else { continue }
            guard fields.count == 1, let field = fields.first else {
                reader.error("source '\(name)' needs one of: { sqlite: path/to/db.sqlite3 }, { postgres: \"postgresql://…\" } or { mysql: \"mysql://…\" }", at: value)
                continue
            }
            guard let text = reader.string(field.value, key: field.key) else { continue }
            if field.key == "sqlite" {
                sources[name] = Source(name: name, path: resolve(text, in: directory))
            } else {
                let string = EnvironmentString(text, location: reader.location(of: field.value))
                sources[name] = Source(name: name, address: field.key == "mysql" ? .mysql(string) : .postgres(string))
            }
        }
        return sources
    }

    /// Where each source's `sqlite:` path is written.
    static func sourceLocations(_ node: Node, reader: YAMLReader) -> [(String, SourceLocation)] {
        guard case .mapping(let sources) = node else { return [] }
        return sources.compactMap { name, value in
            guard let name = name.scalar?.string, case .mapping(let fields) = value,
                  let path = fields.first(where: { $0.key.scalar?.string == "sqlite" })?.value,
                  let location = reader.location(of: path) else { return nil }
            return (name, location)
        }
    }

    static func parseMetrics(_ node: Node, reader: YAMLReader, config: Config) -> [Metric] {
        guard let pairs = reader.mapping(node, what: "metrics") else { return [] }
        var metrics: [Metric] = []
        for (slug, keyNode, value) in pairs {
            if !Metric.isValidSlug(slug) {
                reader.error("metric slug '\(slug)' must use only a-z, 0-9 and '-'", at: keyNode)
                continue
            }
            let location = reader.location(of: keyNode) ?? SourceLocation(file: reader.file, line: 1, column: 1)
            var metric = Metric(slug: slug, location: location)
            if case .scalar(let s) = value, s.string.isEmpty || s.tag.description.hasSuffix("null") {
                metrics.append(metric)  // `slug:` with nothing: a pushed metric
                continue
            }
            guard let fields = reader.mapping(value, allowed: metricKeys, what: "metric '\(slug)'") else { continue }
            var collectNode: Node?
            for (key, _, field) in fields {
                switch key {
                case "name": metric.name = reader.string(field, key: key) ?? metric.name
                case "description": metric.description = reader.string(field, key: key) ?? ""
                case "unit": (metric.unit, metric.unitOne) = parseUnit(field, reader: reader)
                case "format": metric.format = reader.choice(field, key: key, as: MetricFormat.self) ?? .number
                case "good": metric.good = reader.choice(field, key: key, as: GoodDirection.self) ?? .up
                case "aggregate": metric.aggregate = reader.choice(field, key: key, as: Aggregation.self) ?? .last
                case "per":
                    if let per = reader.string(field, key: key) {
                        if Metric.isValidSlug(per) { metric.per = per } else {
                            reader.error("'per' must be a name such as customer (a-z, 0-9, '-'), not '\(per)'", at: field)
                        }
                    }
                case "active": metric.active = reader.bool(field, key: key) ?? true
                case "stale_after": metric.staleAfter = reader.duration(field, key: key) ?? metric.staleAfter
                case "alert": metric.alert = parseAlert(field, reader: reader, slug: slug)
                case "collect": collectNode = field
                case "series": metric.series = parseSeries(field, reader: reader, slug: slug, config: config)
                case "target": metric.target = parseTarget(field, reader: reader, slug: slug)
                case "missing": metric.missing = reader.choice(field, key: key, as: MissingPolicy.self) ?? .gap
                case "category": metric.category = reader.string(field, key: key).flatMap { $0.isEmpty ? nil : $0 }
                default: break
                }
            }
            if let collectNode {
                if metric.series != nil {
                    reader.error("metric '\(slug)' has two collectors: use either collect or series", at: collectNode)
                } else {
                    metric.collect = parseCollect(collectNode, reader: reader, slug: slug, config: config)
                }
            }
            metrics.append(metric)
        }
        return metrics
    }

    /// `unit: users`, or `unit: { one: deploy, other: deploys }` to name the singular.
    static func parseUnit(_ node: Node, reader: YAMLReader) -> (String, String?) {
        guard case .mapping = node else { return (reader.string(node, key: "unit") ?? "", nil) }
        guard let fields = reader.mapping(node, allowed: ["one", "other"], what: "unit") else { return ("", nil) }
        var one: String?
        var other = ""
        for (key, _, value) in fields {
            if key == "one" { one = reader.string(value, key: "one") } else { other = reader.string(value, key: "other") ?? "" }
        }
        if other.isEmpty { reader.error("unit needs 'other', the plural (unit: { one: deploy, other: deploys })", at: node) }
        return (other, one)
    }

    static func parseAlert(_ node: Node, reader: YAMLReader, slug: String) -> Alert? {
        guard let fields = reader.mapping(node, allowed: ["below", "above"], what: "alert of '\(slug)'") else { return nil }
        var alert = Alert()
        for (key, _, value) in fields {
            if key == "below" { alert.below = reader.number(value, key: key) } else { alert.above = reader.number(value, key: key) }
        }
        if fields.isEmpty {
            reader.error("alert of '\(slug)' needs below or above", at: node)
            return nil
        }
        return alert.below == nil && alert.above == nil ? nil : alert
    }

    static func parseSeries(_ node: Node, reader: YAMLReader, slug: String, config: Config) -> SQLQuery? {
        guard let fields = reader.mapping(node, allowed: ["source", "sql", "timeout"], what: "series of '\(slug)'") else { return nil }
        var source: String?, sql: String?, timeout = 30.0, sqlLocation: SourceLocation?
        for (key, _, value) in fields {
            switch key {
            case "source":
                source = reader.string(value, key: key)
                if let name = source, config.sources[name] == nil {
                    reader.error("unknown source '\(name)' in metric '\(slug)'" + Suggestion.hint(for: name, in: config.sources.keys), at: value)
                }
            case "sql":
                sql = reader.string(value, key: key)
                sqlLocation = reader.location(of: value)
            default: timeout = reader.duration(value, key: key, atMostDays: 1) ?? timeout
            }
        }
        guard let source, let sql else {
            reader.error("series of '\(slug)' needs both source and sql", at: node)
            return nil
        }
        return SQLQuery(source: source, sql: sql, timeout: timeout, sqlLocation: sqlLocation)
    }
}
