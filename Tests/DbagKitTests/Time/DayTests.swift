import Testing
@testable import DbagKit

@Suite struct DayTests {
    @Test(arguments: ["1970-01-01", "2024-02-29", "1999-12-31", "2026-11-25"])
    func roundTrips(_ text: String) throws {
        let day = try #require(Day(text))
        #expect(day.description == text)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-1-01", "20240101", "2024-01-01x", ""])
    func rejectsBadDays(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func weekdayOfEpochIsThursday() {
        #expect(Day(ordinal: 0).weekday == 3)
        #expect(Day("2026-11-23")?.weekday == 0)
    }
}
