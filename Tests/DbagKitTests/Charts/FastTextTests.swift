import Foundation
import Testing
@testable import DbagKit

extension Charts {
    /// The byte-level fast paths write exactly what the plain versions they replace wrote.
    @Suite struct FastTextTests {
        /// A spread of coordinates: halves that round, negatives that round to zero, clamps.
        static let coordinates: [Double] = {
            var values: [Double] = [0, -0.0, 0.04, 0.05, -0.04, -0.05, 0.95, 9.95, -9.95, 1e9, -1e9, 2e9, -2e12,
                                    123_456_789.06, 999_999_999.96, .nan, .infinity, -.infinity]
            var x = 0.0173
            for _ in 0..<2000 {
                values.append(x)
                values.append(-x)
                x = x * 1.37 + 0.011
                if x > 5e9 { x = 0.0291 }
            }
            return values
        }()

        @Test func coordinatesMatchFixedWithOneDecimal() {
            for x in Self.coordinates {
                let expected = x.isFinite ? NumberText.fixed(min(max(x, -1e9), 1e9), decimals: 1) : "0"
                #expect(NumberText.coord(x) == expected, "\(x)")
            }
            #expect(NumberText.coord(12.34) == "12.3")
            #expect(NumberText.coord(-0.04) == "0")
            #expect(NumberText.coord(-7.06) == "-7.1")
            #expect(NumberText.coord(3e12) == "1000000000")
        }

        @Test func daysAreZeroPaddedISODates() {
            #expect(Day(year: 2025, month: 3, day: 4)?.description == "2025-03-04")
            #expect(Day(year: 999, month: 12, day: 31)?.description == "0999-12-31")
            var day = Day(ordinal: -800_000)
            for _ in 0..<400 {
                let (y, m, d) = day.civil
                let pad = { (n: Int, w: Int) in String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
                #expect(day.description == pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2))
                day = day.advanced(by: 4099)
            }
        }

        @Test func cleanTextIsCheckedByteForByteLikeBefore() {
            #expect(HTML.escape("plain text, 1.5 · 2025") == "plain text, 1.5 · 2025")
            #expect(HTML.escape("a<b & 'c'") == "a&lt;b &amp; &#39;c&#39;")
            #expect(HTML.escape("x\u{7}y") == "x\u{FFFD}y")
            #expect(HTML.escape("x\u{85}y") == "x\u{FFFD}y")
            #expect(HTML.escape("x\u{FFFE}y\u{FFFF}") == "x\u{FFFD}y\u{FFFD}")
            #expect(HTML.escape("\u{FFFD}\u{BF}\u{3E}") == "\u{FFFD}\u{BF}&gt;")
            #expect(HTML.withoutControlCharacters("<p>a\tb\u{1}</p>") == "<p>a\tb\u{FFFD}</p>")
            #expect(HTML.escape("tab\there\nnew") == "tab\there\nnew")
            #expect(HTML.escape("é ü ↑ –"[...]) == "é ü ↑ –")
        }

        @Test func cleanedSeriesKeepTheirOrderAndDropWhatCannotBeDrawn() {
            let d = Day(ordinal: 20_000)
            let sorted = ChartSeries(name: "a", points: [DayValue(day: d, value: 1), DayValue(day: d.advanced(by: 1), value: 2)])
            #expect(sorted.cleaned == sorted.points)
            let messy = ChartSeries(name: "b", points: [DayValue(day: d.advanced(by: 1), value: 2), DayValue(day: d, value: .nan),
                                                        DayValue(day: d, value: 1), DayValue(day: d, value: 3)])
            #expect(messy.cleaned == [DayValue(day: d, value: 3), DayValue(day: d.advanced(by: 1), value: 2)])
        }
    }
}
