/// A horizontal reference line on a chart: a metric's target.
public struct ChartTarget: Sendable, Hashable {
    /// Where the line is drawn; always inside the y domain.
    public var value: Double
    /// Written beside the line (`target 500 by 2026-12-31`), escaped.
    public var label: String
    /// The series the target belongs to, for its y axis.
    public var seriesIndex: Int

    /// A reference line at `value` for the series at `seriesIndex`.
    public init(value: Double, label: String, seriesIndex: Int = 0) {
        self.value = value
        self.label = label
        self.seriesIndex = seriesIndex
    }
}
