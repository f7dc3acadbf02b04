import Foundation
import Yams

/// Reads a composed YAML tree into typed values, collecting a diagnostic with
/// file, line and column for every mistake instead of stopping at the first.
public final class YAMLReader {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// The parser's positions in the file of the text last composed.
    private var lineMap = YAMLLineMap("")

    public init(file: String) {
        self.file = file
    }

    /// Composes a YAML document; a syntax error becomes a located diagnostic.
    public func compose(_ text: String) -> Node? {
        lineMap = YAMLLineMap(text)
        do {
            // Yams' default encoding reads the whole environment on every call
            // (YAMS_DEFAULT_ENCODING); Swift strings are UTF-8, so say so.
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file, text: text, lineMap: lineMap))
            return nil
        } catch {
            diagnostics.append(Diagnostic("\(error)", file: file))
            return nil
        }
    }

    /// A node's position in this file.
    public func location(of node: Node) -> SourceLocation? {
        node.mark.map { mark in
            let (line, column) = lineMap.location(mark)
            return SourceLocation(file: file, line: line, column: column)
        }
    }

    /// Records an error at a node's position.
    public func error(_ message: String, at node: Node?) {
        let location = node.flatMap(location(of:))
        diagnostics.append(Diagnostic(message, file: file, line: location?.line, column: location?.column))
    }

    /// The pairs of a mapping, reporting keys outside `allowed` (with a suggestion)
    /// and duplicated keys. Nil (with an error) when the node is not a mapping.
    public func mapping(_ node: Node, allowed: [String]? = nil, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of keys to values", at: node)
            return nil
        }
        var seen = Set<String>()
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("keys in \(what) must be plain text", at: keyNode)
                continue
            }
            if !seen.insert(key).inserted {
                error("duplicate key '\(key)' in \(what)", at: keyNode)
                continue
            }
            if let allowed, !allowed.contains(key) {
                error("unknown key '\(key)' in \(what)" + Suggestion.hint(for: key, in: allowed), at: keyNode)
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    /// A scalar's text; an error when the node is a mapping or sequence.
    public func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            error("'\(key)' must be a single value", at: node)
            return nil
        }
        return scalar.string
    }

    /// A boolean scalar (`true`/`false`, `yes`/`no`).
    public func bool(_ node: Node, key: String) -> Bool? {
        guard let text = string(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("'\(key)' must be true or false, not '\(text)'", at: node)
            return nil
        }
    }

    /// A finite number.
    public func number(_ node: Node, key: String) -> Double? {
        guard let text = string(node, key: key) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            error("'\(key)' must be a number, not '\(text)'", at: node)
            return nil
        }
        return value
    }

    /// A duration such as `30s`, `5m`, `2h`, `2d` or `1w`, in seconds, at most `days` days.
    public func duration(_ node: Node, key: String, atMostDays days: Int = DurationText.longestDays) -> Double? {
        guard let text = string(node, key: key) else { return nil }
        guard let seconds = DurationText.seconds(text) else {
            error("'\(key)' must be a duration such as 30s, 5m, 2h or 2d, not '\(text)'", at: node)
            return nil
        }
        guard seconds <= Double(days) * 86_400 else {
            error("'\(key)' must be at most \(days)d, not '\(text)'", at: node)
            return nil
        }
        return seconds
    }

    /// The `timeout` value in seconds, or `fallback` when absent or invalid (invalid is reported).
    func timeout(_ values: [String: Node], default fallback: Double) -> Double {
        guard let node = values["timeout"] else { return fallback }
        return duration(node, key: "timeout", atMostDays: 1) ?? fallback
    }

    /// One of a fixed set of words.
    public func choice<T: RawRepresentable & CaseIterable>(_ node: Node, key: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node, key: key) else { return nil }
        if let value = T(rawValue: text) { return value }
        let options = T.allCases.map(\.rawValue)
        error("'\(key)' must be one of \(options.joined(separator: ", ")), not '\(text)'" + Suggestion.hint(for: text, in: options), at: node)
        return nil
    }

    static func diagnostic(for error: YamlError, file: String, text: String, lineMap: YAMLLineMap) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let parserMark, _),
             .parser(let context, let problem, let parserMark, _),
             .composer(let context, let problem, let parserMark, _):
            let mark = lineMap.location(parserMark)
            let problemText = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            if let plain = YAMLSyntaxHint.diagnostic(problem: problemText, line: mark.line, column: mark.column, text: text, file: file) {
                return plain
            }
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return Diagnostic("malformed YAML: \(text)", file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = lineMap.location(context.mark)
            return Diagnostic("duplicate key \(duplicates.joined(separator: ", "))", file: file, line: mark.line, column: mark.column)
        default:
            return Diagnostic("malformed YAML: \(error)", file: file)
        }
    }
}
