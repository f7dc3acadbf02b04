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

    /// The data API's bytes of a day are its description, in and out of years 0…9999.
    @Test(arguments: [Day(ordinal: 0), Day(ordinal: 20_418), Day(ordinal: -719_528), Day(ordinal: 2_932_896), Day(ordinal: -800_000), Day(ordinal: 3_000_000)])
    func appendedTextIsTheDescription(_ day: Day) {
        var out = Array("x,".utf8)
        day.appendText(to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x," + day.description)
        #expect(Day(day.description) == ((0...9999).contains(day.civil.0) ? day : nil))
    }
}
