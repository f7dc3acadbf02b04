extension Alert {
    /// A message when `value` crosses a bound (`below 1k`, written by `formatter`), nil when it is within them.
    public func message(for value: Double, formatter: ValueFormatter = ValueFormatter()) -> String? {
        if let below, value < below { return "below \(formatter.string(below))" }
        if let above, value > above { return "above \(formatter.string(above))" }
        return nil
    }
}
