extension MetricTarget {
    /// `target 500` or `target 500 by 2026-12-31`, the value written by `formatter`.
    public func label(_ formatter: ValueFormatter) -> String {
        "target " + formatter.string(value) + (by.map { " by \($0)" } ?? "")
    }
}
