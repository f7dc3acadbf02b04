import Foundation

/// A dotted path into JSON: `data.items.0.count` (numbers index arrays).
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public var components: [String]

    /// Splits `a.b.0.c` at dots; an empty text is the document itself.
    public init(_ text: String) {
        components = text.split(separator: ".").map(String.init)
    }

    public var description: String { components.joined(separator: ".") }

    /// The value at this path, which must be a number or a numeric string.
    public func number(in json: Any) throws -> Double {
        var current = json
        var walked: [String] = []
        for component in components {
            let here = walked.isEmpty ? "the document" : "'\(walked.joined(separator: "."))'"
            walked.append(component)
            if let object = current as? [String: Any] {
                guard let next = object[component] else {
                    throw CollectError("no '\(component)' in \(here)" + Suggestion.hint(for: component, in: object.keys))
                }
                current = next
            } else if let array = current as? [Any] {
                guard let index = Int(component) else {
                    throw CollectError("\(here) is an array: use an index, not '\(component)'")
                }
                guard array.indices.contains(index) else {
                    throw CollectError("\(here) has \(array.count) items, no index \(index)")
                }
                current = array[index]
            } else {
                throw CollectError("\(here) is a single value, it has no '\(component)'")
            }
        }
        if let number = current as? NSNumber, number.doubleValue.isFinite { return number.doubleValue }
        if let text = current as? String, let value = NumberScanner.wholeNumber(text) { return value }
        throw CollectError("'\(description)' is \(Self.describe(current)), not a number")
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is [String: Any]: return "an object"
        case is [Any]: return "an array"
        case let text as String: return "\"\(text.prefix(60))\""
        default: return "\(value)"
        }
    }
}
