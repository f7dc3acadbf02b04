import Foundation

/// One `::name{…}`, `:name{…}` or `:::name{…}` found in a dashboard.
public struct Directive: Sendable, Hashable {
    /// How a directive is written, which decides where it may appear.
    public enum Form: String, Sendable, Hashable {
        /// `::name{…}` alone on a line.
        case block
        /// `:name{…}` inside text.
        case inline
        /// `:::name{…}` on a line, closed by a line `:::`.
        case container
    }

    /// The directive's name, such as `chart`.
    public var name: String
    /// Block, inline or container.
    public var form: Form
    /// The attributes in the order written.
    public var attributes: [DirectiveAttribute]
    /// Where the first colon is.
    public var location: SourceLocation
    /// For a container, where its closing `:::` is (nil when unclosed).
    public var closeLocation: SourceLocation?

    /// A directive as found in a page.
    public init(name: String, form: Form, attributes: [DirectiveAttribute] = [],
                location: SourceLocation, closeLocation: SourceLocation? = nil) {
        self.name = name
        self.form = form
        self.attributes = attributes
        self.location = location
        self.closeLocation = closeLocation
    }

    /// The value of an attribute, or nil when it is not written.
    public subscript(_ attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    /// The metrics a directive names: `metrics="a,b"`, else `metric=a`, read as the validator reads them.
    public var metricSlugs: [String] {
        if let list = self["metrics"] { return Self.metricList(list).filter { !$0.isEmpty } }
        return metric.map { [$0] } ?? []
    }

    /// The metric `metric=` names, trimmed; nil when not written or blank.
    public var metric: String? {
        self["metric"].map(Self.metricSlug).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// How a `metric=` value reads: one slug, spaces around it dropped.
    public static func metricSlug(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces)
    }

    /// How a `metrics=` value reads: slugs split at commas, each trimmed; an empty one
    /// (`metrics="a,,b"`) is kept, for the validator to report.
    public static func metricList(_ value: String) -> [String] {
        value.split(separator: ",", omittingEmptySubsequences: false).map { metricSlug(String($0)) }
    }

    /// The attribute with a name, or nil.
    public func attribute(named name: String) -> DirectiveAttribute? {
        attributes.first { $0.name == name }
    }

    /// The directive as written, normalised: `::chart{metric=signups title="A b"}`.
    public var source: String {
        let colons = switch form {
        case .block: "::"
        case .inline: ":"
        case .container: ":::"
        }
        guard !attributes.isEmpty else { return colons + name }
        let list = attributes.map { attribute in
            let plain = !attribute.value.isEmpty && attribute.value.utf8.allSatisfy {
                $0 > 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "}")
                    && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "\\")
            }
            if plain { return "\(attribute.name)=\(attribute.value)" }
            var escaped = ""
            for character in attribute.value {
                if character == "\\" || character == "\"" { escaped.append("\\") }
                escaped.append(character)
            }
            return "\(attribute.name)=\"\(escaped)\""
        }
        return colons + name + "{" + list.joined(separator: " ") + "}"
    }
}

/// One `name=value` of a directive.
public struct DirectiveAttribute: Sendable, Hashable {
    /// The attribute's name.
    public var name: String
    /// The value with quotes removed and escapes resolved.
    public var value: String
    /// Where the name starts.
    public var location: SourceLocation

    /// An attribute as written.
    public init(name: String, value: String, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}
