import Foundation
import Yams

/// Reading a metric's `collect:` mapping into a `CollectSpec`.
extension ConfigLoader {
    static func parseCollect(_ node: Node, reader: YAMLReader, slug: String, config: Config) -> CollectSpec? {
        let kinds = CollectSpec.kinds
        let allKeys = Array(Set(kinds.flatMap(\.keys))).sorted()
        guard let pairs = reader.mapping(node, allowed: allKeys, what: "collect of '\(slug)'") else { return nil }
        let present = Set(pairs.map(\.key))
        let written = kinds.filter { present.contains($0.kind) }
        guard let (kind, keys) = written.first else {
            reader.error("collect of '\(slug)' needs one of \(kinds.map(\.kind).joined(separator: ", "))", at: node)
            return nil
        }
        if written.count > 1 {
            reader.error("metric '\(slug)' has two collectors (\(written.map(\.kind).joined(separator: " and "))): use one", at: node)
            return nil
        }
        for pair in pairs where !keys.contains(pair.key) {
            reader.error("'\(pair.key)' does not apply to a \(kind) collector (it takes \(keys.joined(separator: ", ")))", at: pair.keyNode)
        }
        var values: [String: Node] = [:]
        for pair in pairs { values[pair.key] = pair.value }
        switch kind {
        case "sql": return parseSQL(values, reader: reader, node: node, config: config)
        case "command": return parseCommand(values, reader: reader)
        default: return parseHTTP(values, reader: reader)
        }
    }

    static func parseSQL(_ values: [String: Node], reader: YAMLReader, node: Node, config: Config) -> CollectSpec? {
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
        return .sql(SQLQuery(source: source, sql: sql, timeout: timeout, sqlLocation: values["sql"].flatMap(reader.location(of:))))
    }

    static func parseCommand(_ values: [String: Node], reader: YAMLReader) -> CollectSpec? {
        let timeout = reader.timeout(values, default: 30)
        guard let commandNode = values["command"], let command = reader.string(commandNode, key: "command") else { return nil }
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            reader.error("the command of a command collector is empty", at: commandNode)
            return nil
        }
        return .command(command, timeout: timeout)
    }

    static func parseHTTP(_ values: [String: Node], reader: YAMLReader) -> CollectSpec? {
        let timeout = reader.timeout(values, default: 10)
        var headers: [String: EnvironmentString] = [:]
        if let headerNode = values["headers"], let pairs = reader.mapping(headerNode, what: "headers") {
            for pair in pairs {
                guard let text = reader.string(pair.value, key: pair.key) else { continue }
                headers[pair.key] = EnvironmentString(text, location: reader.location(of: pair.value))
            }
        }
        let json = values["json"].flatMap { reader.string($0, key: "json") }
        guard let urlNode = values["http"], let text = reader.string(urlNode, key: "http") else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            reader.error("'\(text)' is not an http:// or https:// URL", at: urlNode)
            return nil
        }
        return .http(url, json: json, timeout: timeout, headers: headers)
    }
}
