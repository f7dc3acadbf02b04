import Foundation

/// A dotted path into JSON: `data.items.0.count` (numbers index arrays).
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public var components: [String]

    /// Splits `a.b.0.c` at dots; an empty text is the document itself.
    public init(_ text: String) {
        components = text.split(separator: ".").map(String.init)
    }

    public var description: String { components.joined(separator: ".") }

    /// The value at this path, which must be a finite number or a numeric string (not a boolean).
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
        if let number = current as? NSNumber, !Self.isBoolean(number) {
            guard number.doubleValue.isFinite else { throw CollectError("'\(description)' is \(number), out of range") }
            return number.doubleValue
        }
        if let text = current as? String {
            do {
                if let value = try NumberScanner.wholeNumber(text) { return value }
            } catch {
                throw CollectError("'\(description)' is \(Self.describe(text)): \(error)")
            }
        }
        throw CollectError("'\(description)' is \(Self.describe(current)), not a number")
    }

    /// Whether JSONSerialization read `true` or `false` (an NSNumber holding a C `char`).
    static func isBoolean(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is [String: Any]: return "an object"
        case is [Any]: return "an array"
        case let text as String: return "\"\(text.prefix(60))\""
        case let number as NSNumber where isBoolean(number): return number.boolValue ? "true" : "false"
        default: return "\(value)"
        }
    }
}
