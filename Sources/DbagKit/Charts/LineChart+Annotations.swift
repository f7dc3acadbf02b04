/// What a chart marks besides its series: events (a rule with a marker, listed under
/// the chart), targets (a labelled reference line) and the look of comparison series.
extension LineChart {
    /// The events inside the drawn days, `first` to the end of the bucket starting at `last`.
    func shownEvents(from first: Day, to last: Day) -> [ChartEvent] {
        let end = rollup.next(after: rollup.bucket(of: last)).advanced(by: -1)
        return events.filter { $0.day >= first && $0.day <= end }
    }

    /// The events inside the days the chart spans (its domain, widened by the data).
    func shownEvents(_ cleaned: [[DayValue]]) -> [ChartEvent] {
        let days = cleaned.flatMap { $0.map(\.day) }
        guard let first = days.min(), let last = days.max() else { return [] }
        let span = domain.map { (min($0.lowerBound, first), max($0.upperBound, last)) } ?? (first, last)
        return shownEvents(from: span.0, to: span.1)
    }

    /// Every event as a thin vertical rule with a small diamond on top, its label the tooltip.
    func eventRules(_ shown: [ChartEvent], layout: Layout) -> String {
        guard !shown.isEmpty else { return "" }
        var out = "<g class=\"events\" stroke=\"currentColor\" fill=\"currentColor\">"
        for event in shown {
            let x = SVG.n(layout.x(rollup.bucket(of: event.day)))
            let top = layout.top
            out += "<g class=\"event\">" + SVG.title(event.day.description + ": " + event.label)
                + SVG.element("line", ["class": "event-rule", "x1": x, "x2": x, "y1": SVG.n(top), "y2": SVG.n(layout.bottom),
                                       "stroke-width": "1", "stroke-dasharray": "3 2"])
                + SVG.element("path", ["class": "event-marker", "d": "M\(x),\(SVG.n(top - 5))l4,5l-4,5l-4,-5z", "stroke": "none"])
                + "</g>"
        }
        return out + "</g>"
    }

    /// Each target as a dotted line across the plot, labelled at its right end.
    func targetLines(_ layout: Layout) -> String {
        guard !targets.isEmpty else { return "" }
        var out = "<g class=\"targets\" stroke=\"currentColor\" fill=\"currentColor\">"
        for target in targets {
            let y = SVG.n(layout.y(target.value, axis: axisIndex(of: target.seriesIndex)))
            out += "<g class=\"target\">" + SVG.title(target.label)
                + SVG.element("line", ["class": "target-line", "x1": SVG.n(layout.left), "x2": SVG.n(layout.right), "y1": y, "y2": y,
                                       "stroke-width": "1.5", "stroke-dasharray": "1 3", "stroke-linecap": "round"])
                + SVG.element("text", ["class": "target-label", "x": SVG.n(layout.right - 2), "y": y, "dy": "-0.4em",
                                       "text-anchor": "end", "stroke": "none"], HTML.escape(target.label))
                + "</g>"
        }
        return out + "</g>"
    }

    /// `<ul class="chart-events">` listing the chart's events by day; empty without any.
    public func eventList() -> String {
        let shown = shownEvents(series.map(\.cleaned))
        guard !shown.isEmpty else { return "" }
        var out = "<ul class=\"chart-events\">"
        for event in shown {
            out += "<li><svg class=\"event-swatch\" viewBox=\"0 0 10 10\" width=\"10\" height=\"10\" aria-hidden=\"true\"><path d=\"M5,0l5,5l-5,5l-5,-5z\" fill=\"currentColor\"/></svg> <time datetime=\"\(event.day)\">\(event.day)</time> "
                + HTML.escape(event.label) + "</li>"
        }
        return out + "</ul>"
    }

    /// The classes of a series' marks and legend entry: its colour, and `comparison` for a comparison.
    func legendClass(_ index: Int) -> String {
        series.indices.contains(index) && series[index].comparison != nil ? "comparison" : SVG.seriesClass(index)
    }

    /// The dash pattern of a series: a comparison is always dashed.
    func dash(_ index: Int) -> String? {
        series.indices.contains(index) && series[index].comparison != nil ? "5 4" : SVG.dash(index)
    }
}
