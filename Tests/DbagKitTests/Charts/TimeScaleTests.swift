import Testing
@testable import DbagKit

extension Charts {
    @Suite struct TimeScaleTests {
        func scale(_ start: String, _ end: String) throws -> TimeScale {
            TimeScale(start: try #require(Day(start)), end: try #require(Day(end)), rangeStart: 0, rangeEnd: 640)
        }

        @Test(arguments: [
            ("2024-03-04", "2024-03-08", TimeScale.Interval.day, ["Mar 4", "Mar 5", "Mar 6", "Mar 7", "Mar 8"]),
            ("2024-01-01", "2024-03-01", .week, ["Jan 1", "Jan 8", "Jan 15", "Jan 22", "Jan 29", "Feb 5", "Feb 12", "Feb 19", "Feb 26"]),
            ("2024-01-01", "2025-02-04", .month, ["2024", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "2025", "Feb"]),
            ("2020-01-01", "2025-01-01", .year, ["2020", "2021", "2022", "2023", "2024", "2025"]),
            ("2000-06-01", "2024-06-01", .year, ["2002", "2004", "2006", "2008", "2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"]),
        ])
        func ticksFitTheSpan(_ start: String, _ end: String, _ interval: TimeScale.Interval, _ labels: [String]) throws {
            let s = try scale(start, end)
            #expect(s.interval == interval)
            let ticks = s.ticks(width: 640)
            #expect(ticks.map(\.label) == labels)
            // Labels never crowd: each has its width and 12 px of room.
            #expect(Double(ticks.count) * (SVG.textWidth(ticks.last?.label ?? "", fontSize: 12) + 12) <= 640)
        }

        @Test func thirteenMonthsGetEnoughLabels() throws {
            let year = try scale("2025-11-01", "2026-11-01")
            #expect(year.ticks(width: 560).count >= 6)
            #expect(year.ticks(width: 230).count >= 4)
        }

        @Test func weeklyTicksAreMondays() throws {
            let ticks = try scale("2024-01-03", "2024-03-20").ticks(width: 640)
            #expect(!ticks.isEmpty)
            #expect(ticks.allSatisfy { $0.day.weekday == 0 })
        }

        @Test func narrowChartsGetFewerTicks() throws {
            let s = try scale("2024-03-04", "2024-03-08")
            #expect(s.ticks(width: 120).map(\.label) == ["Mar 4", "Mar 7"])
            #expect(try scale("2024-01-01", "2025-02-04").ticks(width: 240).count <= 5)
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
