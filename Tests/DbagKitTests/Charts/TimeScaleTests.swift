import Testing
@testable import DbagKit

extension Charts {
    @Suite struct TimeScaleTests {
        func scale(_ start: String, _ end: String) throws -> TimeScale {
            TimeScale(start: try #require(Day(start)), end: try #require(Day(end)), rangeStart: 0, rangeEnd: 640)
        }

        @Test(arguments: [
            ("2024-03-04", "2024-03-08", TimeScale.Interval.day, ["Mar 4", "Mar 5", "Mar 6", "Mar 7", "Mar 8"]),
            ("2024-01-01", "2024-03-01", .week, ["Jan 1", "Jan 15", "Jan 29", "Feb 12", "Feb 26"]),
            ("2024-01-01", "2025-02-04", .month, ["2024", "Mar", "May", "Jul", "Sep", "Nov", "2025"]),
            ("2020-01-01", "2025-01-01", .year, ["2020", "2021", "2022", "2023", "2024", "2025"]),
            ("2000-06-01", "2024-06-01", .year, ["2005", "2010", "2015", "2020"]),
        ])
        func ticksFitTheSpan(_ start: String, _ end: String, _ interval: TimeScale.Interval, _ labels: [String]) throws {
            let s = try scale(start, end)
            #expect(s.interval == interval)
            let ticks = s.ticks(width: 640)
            #expect(ticks.map(\.label) == labels)
            #expect(ticks.count <= 8)
        }

        @Test func weeklyTicksAreMondays() throws {
            let ticks = try scale("2024-01-03", "2024-03-20").ticks(width: 640)
            #expect(!ticks.isEmpty)
            #expect(ticks.allSatisfy { $0.day.weekday == 0 })
        }

        @Test func narrowChartsGetFewerTicks() throws {
            let s = try scale("2024-03-04", "2024-03-08")
            #expect(s.ticks(width: 200).map(\.label) == ["Mar 4", "Mar 7"])
            #expect(try scale("2024-01-01", "2025-02-04").ticks(width: 240).count <= 3)
        }

        @Test func oneDayMapsToTheMiddle() throws {
            let s = try scale("2024-03-04", "2024-03-04")
            #expect(s(try #require(Day("2024-03-04"))) == 320)
            #expect(s.ticks(width: 640).map(\.label) == ["Mar 4"])
        }

        @Test func minimumIntervalFollowsRollup() throws {
            var s = try scale("2024-01-01", "2024-01-29")
            s.minimumInterval = .week
            #expect(s.ticks(width: 640).allSatisfy { $0.day.weekday == 0 })
        }
    }
}
