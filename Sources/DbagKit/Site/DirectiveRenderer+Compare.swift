/// `::chart{compare=prior|year}`: each metric's earlier window, moved onto the chart's.
extension DirectiveRenderer {
    /// One faint dashed series per metric, named `previous 30 days` (with the metric's name when there are several).
    func comparisons(_ views: [MetricView], shift: ComparisonShift, window: ClosedRange<Day>, period: Period, rollup: Rollup) -> [ChartSeries] {
        let earlier = shift.window(window.lowerBound, window.upperBound)
        let name = shift.name(period: period)
        return views.map { view in
            let moved = view.points.filter { earlier.contains($0.day) }.map { DayValue(day: shift.shifted($0.day), value: $0.value) }
            return ChartSeries(name: views.count > 1 ? displayName(view) + ", " + name : name,
                               points: rollup.apply(moved, aggregation: view.metric.aggregate), formatter: view.formatter,
                               comparison: shift)
        }
    }
}
