/// One named line (or set of bars) in a chart.
public struct ChartSeries: Sendable, Hashable {
    /// Shown in the legend, tooltips, summary and data table (escaped on output).
    public var name: String
    /// The values; any order, duplicates and non-finite values are tolerated.
    public var points: [DayValue]
    /// How this series' values are written; nil uses the chart's formatter. Series
    /// whose format or unit differs from the first series' get a second y axis.
    public var formatter: ValueFormatter?
    /// For a comparison series, how its points were moved onto the window (drawn faint
    /// and dashed; tooltips give the day measured); nil for a series of its own.
    public var comparison: ComparisonShift?

    /// A named series.
    public init(name: String, points: [DayValue], formatter: ValueFormatter? = nil, comparison: ComparisonShift? = nil) {
        self.name = name
        self.points = points
        self.formatter = formatter
        self.comparison = comparison
    }

    /// Points sorted by day with non-finite values dropped (the last of duplicate days wins).
    public var cleaned: [DayValue] {
        // The usual case — days strictly ascending, every value finite — needs no work.
        var ordered = true
        var previous = Int.min
        for point in points {
            guard point.value.isFinite, point.day.ordinal > previous else { ordered = false; break }
            previous = point.day.ordinal
        }
        if ordered { return points }
        var byDay: [Day: Double] = [:]
        for point in points where point.value.isFinite {
            byDay[point.day] = point.value
        }
        return byDay.keys.sorted().compactMap { day in byDay[day].map { DayValue(day: day, value: $0) } }
    }

    /// Consecutive runs of `points` with no missing bucket inside (gaps split runs).
    static func segments(_ points: [DayValue], rollup: Rollup) -> [[DayValue]] {
        var runs: [[DayValue]] = []
        for point in points {
            if let previous = runs.last?.last, !rollup.isGap(from: previous.day, to: point.day) {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
        }
        return runs
    }
}
