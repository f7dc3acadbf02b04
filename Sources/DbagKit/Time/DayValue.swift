/// One value on one day.
public struct DayValue: Sendable, Hashable {
    public var day: Day
    public var value: Double

    public init(day: Day, value: Double) {
        self.day = day
        self.value = value
    }
}
