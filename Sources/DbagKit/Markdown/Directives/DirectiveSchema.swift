/// The directive set: which names exist, in which form, and which attributes
/// each takes, with their kinds, defaults and which are required.
public struct DirectiveSchema: Sendable {
    /// What an attribute's value must be.
    public enum ValueKind: Sendable, Hashable {
        /// One known metric slug.
        case metric
        /// Comma-separated known metric slugs: `metrics="a,b"`.
        case metricList
        /// A chart period: `Nd`, `Nw`, `Nm`, `Ny` or `all` (see `Period`).
        case period
        /// A comparison span in days: `1d`, `7d`, `30d`…
        case days
        /// One of a fixed list of words.
        case choice([String])
        /// An integer within a range.
        case integer(ClosedRange<Int>)
        /// A day as `YYYY-MM-DD`.
        case day
        /// Free text.
        case text
    }

    /// One attribute a directive accepts.
    public struct Attribute: Sendable, Hashable {
        /// The attribute's name.
        public var name: String
        /// What its value must be.
        public var kind: ValueKind
        /// The value used when the attribute is not written.
        public var defaultValue: String?

        /// An accepted attribute, with its default value when it has one.
        public init(_ name: String, _ kind: ValueKind, default defaultValue: String? = nil) {
            self.name = name
            self.kind = kind
            self.defaultValue = defaultValue
        }
    }

    /// One directive: its name, form and attributes.
    public struct Spec: Sendable, Hashable {
        /// The directive's name.
        public var name: String
        /// The only form it may be written in.
        public var form: Directive.Form
        /// Every attribute it accepts.
        public var attributes: [Attribute]
        /// Groups of attributes of which exactly one must be written (`[["metric", "metrics"]]`).
        public var required: [[String]]

        /// A directive with its attributes and required groups.
        public init(_ name: String, _ form: Directive.Form, _ attributes: [Attribute], required: [[String]] = []) {
            self.name = name
            self.form = form
            self.attributes = attributes
            self.required = required
        }

        /// The accepted attribute with a name, or nil.
        public func attribute(named name: String) -> Attribute? {
            attributes.first { $0.name == name }
        }
    }

    /// The directives by name.
    public var specs: [String: Spec]

    /// A directive set from specs (the first of two with one name wins).
    public init(_ specs: [Spec]) {
        self.specs = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Examples of what a `period` may be, for messages.
    public static let periods = ["7d", "30d", "90d", "12w", "6m", "1y", "all"]

    /// The directive set of dbag.
    public static let standard = DirectiveSchema([
        Spec("stat", .block, [
            Attribute("metric", .metric), Attribute("compare", .days, default: "7d"),
            Attribute("title", .text), Attribute("key", .text),
        ], required: [["metric"]]),
        Spec("chart", .block, [
            Attribute("metric", .metric), Attribute("metrics", .metricList),
            Attribute("type", .choice(["line", "area", "bar", "step"]), default: "line"),
            Attribute("period", .period, default: "90d"), Attribute("by", .choice(["day", "week", "month"]), default: "day"),
            Attribute("title", .text), Attribute("key", .text), Attribute("height", .integer(40...2000)),
            Attribute("compare", .choice(["prior", "year"])),
        ], required: [["metric", "metrics"]]),
        Spec("sparkline", .block, [
            Attribute("metric", .metric), Attribute("period", .period, default: "30d"), Attribute("key", .text),
        ], required: [["metric"]]),
        Spec("table", .block, [
            Attribute("metric", .metric), Attribute("metrics", .metricList),
            Attribute("top", .integer(1...10_000)), Attribute("sort", .choice(["value", "label"]), default: "value"),
            Attribute("period", .period, default: "30d"), Attribute("key", .text),
        ], required: [["metric", "metrics"]]),
        Spec("heatmap", .block, [
            Attribute("metric", .metric), Attribute("key", .text), Attribute("title", .text),
        ], required: [["metric"]]),
        Spec("spark", .inline, [
            Attribute("metric", .metric), Attribute("period", .period, default: "30d"), Attribute("key", .text),
        ], required: [["metric"]]),
        Spec("value", .inline, [
            Attribute("metric", .metric), Attribute("key", .text), Attribute("day", .day),
        ], required: [["metric"]]),
        Spec("delta", .inline, [
            Attribute("metric", .metric), Attribute("over", .days, default: "7d"), Attribute("key", .text),
        ], required: [["metric"]]),
        Spec("grid", .container, [
            Attribute("columns", .integer(1...6)),
        ]),
    ])

    /// The spec of a directive name, or nil when there is no such directive.
    public func spec(named name: String) -> Spec? {
        specs[name]
    }

    /// An attribute's value as written, else its default, else nil.
    public func value(of attribute: String, in directive: Directive) -> String? {
        directive[attribute] ?? specs[directive.name]?.attribute(named: attribute)?.defaultValue
    }
}
