/// What a page is about: nothing for a normal page, one object for a page
/// built from a template (`customers/[customer].md` → key `acme`).
public struct PageScope: Sendable, Hashable {
    /// The template parameter (`customer`), or nil.
    public var parameter: String?
    /// The object key, or nil.
    public var key: String?
    /// The object's label, or its key.
    public var label: String?

    public init(parameter: String? = nil, key: String? = nil, label: String? = nil) {
        self.parameter = parameter
        self.key = key
        self.label = label
    }

    /// The key a directive on `metric` uses: its own `key=`, else the page's
    /// key when the metric is per this page's parameter, else none.
    public func key(for metric: Metric, attribute: String?) -> String? {
        if let attribute { return attribute }
        if let parameter, metric.per == parameter { return key }
        return nil
    }
}
