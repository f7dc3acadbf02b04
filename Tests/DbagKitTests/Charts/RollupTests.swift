import Testing
@testable import DbagKit

extension Charts {
    @Suite struct RollupTests {
        /// 2024-02-26 (Mon) … 2024-03-10 (Sun): values 1…14, with 2024-03-06 missing.
        static let points: [DayValue] = (0..<14).compactMap { i in
            guard i != 9, let start = Day("2024-02-26") else { return nil }
            return DayValue(day: start.advanced(by: i), value: Double(i + 1))
        }

        @Test(arguments: [(Aggregation, [Double])]([
            (.sum, [28, 67]), (.avg, [4, 67.0 / 6]), (.min, [1, 8]), (.max, [7, 14]), (.last, [7, 14]),
        ]))
        func byWeek(_ aggregation: Aggregation, _ expected: [Double]) {
            let weeks = Rollup.week.apply(Self.points, aggregation: aggregation)
            #expect(weeks.map(\.day.description) == ["2024-02-26", "2024-03-04"])
            #expect(weeks.map(\.value) == expected)
        }

        @Test(arguments: [(Aggregation, [Double])]([
            (.sum, [10, 85]), (.avg, [2.5, 85.0 / 9]), (.min, [1, 5]), (.max, [4, 14]), (.last, [4, 14]),
        ]))
        func byMonth(_ aggregation: Aggregation, _ expected: [Double]) {
            let months = Rollup.month.apply(Self.points, aggregation: aggregation)
            #expect(months.map(\.day.description) == ["2024-02-01", "2024-03-01"])
            #expect(months.map(\.value) == expected)
        }

        @Test func lastTakesTheLatestDayNotTheLastInTheArray() throws {
            let a = try #require(Day("2024-03-05")), b = try #require(Day("2024-03-04"))
            let points = [DayValue(day: a, value: 1), DayValue(day: b, value: 2), DayValue(day: a, value: .nan)]
            #expect(Rollup.week.apply(points, aggregation: .last).map(\.value) == [1])
            #expect(Rollup.day.apply([], aggregation: .sum).isEmpty)
        }

        @Test func gapsAreOneBucketApart() throws {
            let jan = try #require(Day("2024-01-01")), feb = try #require(Day("2024-02-01")), mar = try #require(Day("2024-03-01"))
            #expect(!Rollup.month.isGap(from: jan, to: feb))
            #expect(Rollup.month.isGap(from: jan, to: mar))
            #expect(!Rollup.day.isGap(from: jan, to: jan.advanced(by: 1)))
            #expect(Rollup.day.isGap(from: jan, to: jan.advanced(by: 2)))
            #expect(!Rollup.week.isGap(from: jan, to: jan.advanced(by: 7)))
            #expect(Rollup.week.isGap(from: jan, to: jan.advanced(by: 14)))
            #expect(Rollup.month.next(after: try #require(Day("2024-12-01"))).description == "2025-01-01")
        }

        @Test(arguments: [
            ("7d", Period.days(7)), ("30d", .days(30)), ("90d", .days(90)), ("365d", .days(365)), ("all", .all), ("14d", .days(14)),
            ("7w", .weeks(7)), ("6m", .months(6)), ("13m", .months(13)), ("1y", .years(1)), ("10y", .years(10)), ("45d", .days(45)),
        ])
        func periodParses(_ text: String, _ period: Period) {
            #expect(Period(text) == period)
            #expect(Period(text)?.description == text)
        }

        @Test(arguments: ["", "d", "0d", "07d", "-7d", "7", "7x", "0w", "11y", "121m", "523w", "all ", "ALL", "99999d", "3661d", "1.5d", " 7d", "1M"])
        func periodRejects(_ text: String) {
            #expect(Period(text) == nil)
        }

        @Test func periodFiltersTheLastDaysInclusive() throws {
            let end = try #require(Day("2024-03-10"))
            let week = Period.days(7).filter(Self.points, endingAt: end)
            #expect(week.map(\.day.description) == ["2024-03-04", "2024-03-05", "2024-03-07", "2024-03-08", "2024-03-09", "2024-03-10"])
            #expect(Period.all.filter(Self.points, endingAt: end).count == 13)
            #expect(Period.days(7).filter(Self.points, endingAt: try #require(Day("2024-02-27"))).count == 2)
            #expect(Period.days(90).label == "last 90 days")
            #expect(Period.months(1).label == "last month" && Period.years(2).label == "last 2 years")
        }

        @Test(arguments: [
            ("2026-11-26", "1m", "2026-10-27"), ("2026-03-31", "1m", "2026-03-01"), ("2026-11-26", "1y", "2025-11-27"),
            ("2024-02-29", "1y", "2023-03-01"), ("2026-11-26", "2w", "2026-11-13"), ("2026-01-15", "13m", "2024-12-16"),
        ])
        func calendarPeriodsStartTheDayAfterTheSameDate(_ end: String, _ period: String, _ start: String) throws {
            let window = try #require(Period(period))
            #expect(window.start(endingAt: try #require(Day(end)))?.description == start)
        }
    }
}
