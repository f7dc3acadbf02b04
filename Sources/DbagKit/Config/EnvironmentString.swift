import Foundation

/// A string from dbag.yml that may name environment variables as `${NAME}`
/// (source URIs, the store, http headers). It is expanded when a command runs,
/// never when dbag.yml is loaded, so secrets stay out of the config, and it
/// remembers where it was written so that an unset variable is a located error.
public struct EnvironmentString: Sendable, Hashable {
    /// The text as written, `${NAME}` references and all.
    public var template: String
    /// Where the string stands in dbag.yml, when it came from there.
    public var location: SourceLocation?

    public init(_ template: String, location: SourceLocation? = nil) {
        self.template = template
        self.location = location
    }

    /// The names referenced as `${NAME}`, in order, without repeats.
    public var names: [String] {
        var names: [String] = []
        for part in parts {
            if case .variable(let name) = part, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The text with every `${NAME}` replaced by its value in `environment`.
    /// An unset variable is an error located at the string, naming the variable
    /// (never its neighbours' values, which may be secrets).
    public func expand(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Diagnostic) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .variable(let name):
                guard let value = environment[name] else {
                    let message = "environment variable \(name) is not set (dbag.yml refers to it as ${\(name)})"
                    if let location { throw Diagnostic(message, at: location) }
                    throw Diagnostic(message)
                }
                result += value
            }
        }
        return result
    }

    enum Part: Equatable {
        case text(String)
        case variable(String)
    }

    /// `${NAME}` where NAME is `[A-Za-z_][A-Za-z0-9_]*`; anything else stays text.
    var parts: [Part] {
        var parts: [Part] = []
        var text = ""
        var rest = Substring(template)
        while let start = rest.range(of: "${") {
            let afterOpen = rest[start.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else { break }
            let name = afterOpen[..<close]
            if Self.isName(name) {
                text += rest[..<start.lowerBound]
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.variable(String(name)))
                rest = afterOpen[afterOpen.index(after: close)...]
            } else {
                text += rest[..<start.upperBound]
                rest = afterOpen
            }
        }
        text += rest
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    static func isName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
