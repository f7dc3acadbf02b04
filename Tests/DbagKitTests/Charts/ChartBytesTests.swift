import Testing
@testable import DbagKit

extension Charts {
    /// The byte-level rewrites of the build's hot paths give what the plain code gave.
    @Suite struct ChartBytesTests {
        /// `NumberText.fixed` as it was written with strings, for comparison.
        static func plainFixed(_ x: Double, decimals: Int, trim: Bool, group: Bool) -> String {
            guard x.isFinite else { return "–" }
            let places = max(0, min(decimals, 6))
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let scaled = (abs(x) * scale).rounded()
            guard scaled < NumberText.exactLimit else { return NumberText.scientific(x) }
            let units = Int64(scaled)
            let divisor = Int64(scale)
            let integer = units / divisor
            var fraction = places > 0 ? String(units % divisor) : ""
            fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
            if trim { while fraction.hasSuffix("0") { fraction.removeLast() } }
            var text = String(integer)
            if group {
                let digits = Array(text)
                text = ""
                for (i, c) in digits.enumerated() {
                    if i > 0 && (digits.count - i) % 3 == 0 { text.append(",") }
                    text.append(c)
                }
            }
            if !fraction.isEmpty { text += "." + fraction }
            return (x < 0 && units != 0 ? "-" : "") + text
        }

        @Test func fixedWritesWhatTheStringVersionWrote() {
            var random = SeededRandom(state: 7)
            var values: [Double] = [0, -0.0, 0.5, -0.5, 0.05, 999.995, 1_234_567.891, -1_000_000, 1e14, 9.99e14, 1e15, -3e20, .nan, .infinity]
            for _ in 0..<3000 {
                let magnitude = Double(random.next() % 1_000_000_000) / Self.pow10(Int(random.next() % 9))
                values.append(random.next() % 2 == 0 ? magnitude : -magnitude)
            }
            for x in values {
                for decimals in 0...6 {
                    for (trim, group) in [(true, false), (true, true), (false, true), (false, false)] {
                        #expect(NumberText.fixed(x, decimals: decimals, trim: trim, group: group)
                                == Self.plainFixed(x, decimals: decimals, trim: trim, group: group), "\(x) \(decimals) \(trim) \(group)")
                    }
                }
            }
        }

        static func pow10(_ n: Int) -> Double {
            (0..<n).reduce(1.0) { value, _ in value * 10 }
        }

        /// `Rollup.apply` as it was: a dictionary of buckets, members in input order.
        static func plainRollup(_ rollup: Rollup, _ points: [DayValue], _ aggregation: Aggregation) -> [DayValue] {
            var groups: [Day: [DayValue]] = [:]
            for point in points where point.value.isFinite { groups[rollup.bucket(of: point.day), default: []].append(point) }
            return groups.keys.sorted().compactMap { key in
                groups[key].flatMap { Rollup.aggregate($0, aggregation) }.map { DayValue(day: key, value: $0) }
            }
        }

        @Test(arguments: Rollup.allCases)
        func rollupsOfOrderedAndUnorderedPointsMatchTheDictionaryVersion(_ rollup: Rollup) throws {
            var random = SeededRandom(state: 11)
            let start = try #require(Day("2024-01-01"))
            var ordered: [DayValue] = []
            var day = start
            for _ in 0..<400 {
                day = day.advanced(by: Int(random.next() % 3))  // gaps and repeated days
                let value = random.next() % 17 == 0 ? Double.nan : Double(random.next() % 10_000) / 7
                ordered.append(DayValue(day: day, value: value))
            }
            var shuffled = ordered
            for i in shuffled.indices.reversed() { shuffled.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            for aggregation in [Aggregation.sum, .avg, .min, .max, .last] {
                #expect(rollup.apply(ordered, aggregation: aggregation) == Self.plainRollup(rollup, ordered, aggregation))
                #expect(rollup.apply(shuffled, aggregation: aggregation) == Self.plainRollup(rollup, shuffled, aggregation))
            }
        }

        /// `HTML.escape` done one character at a time, for comparison.
        static func plainEscape(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        @Test func escapingFindsEveryCharacterAtEveryPlaceInAWord() {
            let specials = ["&", "<", ">", "\"", "'", "\u{1}", "\u{7F}", "\u{85}", "\u{FFFF}", "\t", "é", "↑", "~", " "]
            for special in specials {
                for length in [1, 7, 8, 9, 15, 16, 17, 31] {
                    for at in 0..<length {
                        let text = String(repeating: "a", count: at) + special + String(repeating: "b", count: length - at - 1)
                        #expect(HTML.escape(text) == Self.plainEscape(text), "\(special.unicodeScalars.map(\.value)) at \(at) of \(length)")
                        let markup = "&<>\"'".contains(special)
                        #expect(HTML.withoutControlCharacters(text) == (markup ? text : Self.plainEscape(text)), "\(at) of \(length)")
                    }
                }
            }
        }

        static func chart(_ id: String, values: [Double]) throws -> LineChart {
            let start = try #require(Day("2025-01-01"))
            let points = values.enumerated().map { DayValue(day: start.advanced(by: $0.offset), value: $0.element) }
            return LineChart(id: id, title: "Signups", series: [ChartSeries(name: "Signups", points: points)])
        }

        @Test func aChartIsKeptOnceAskedForTwiceAndGivesTheSameHTML() throws {
            let cache = ChartCache()
            let chart = try Self.chart("d1", values: [3, 1, 4, 1, 5])
            var draws = 0
            let draw = { () -> String in
                draws += 1
                return chart.renderings()
            }
            let first = cache.html(for: chart, draw: draw)
            #expect(cache.count == 0)
            let second = cache.html(for: chart, draw: draw)
            #expect(cache.count == 1)
            let third = cache.html(for: chart, draw: draw)
            #expect(draws == 2)
            #expect(first == second && second == third && third == chart.renderings())
            // Any difference, the id included, is another chart.
            let other = try Self.chart("d2", values: [3, 1, 4, 1, 5])
            #expect(cache.html(for: other, draw: { other.renderings() }) != first)
        }

        @Test func theCacheKeepsNoMoreThanItsLimit() throws {
            let cache = ChartCache(limit: 100)
            let chart = try Self.chart("d1", values: [1, 2, 3])
            for _ in 0..<3 { _ = cache.html(for: chart, draw: { chart.renderings() }) }
            #expect(cache.count == 0)
            #expect(cache.html(for: chart, draw: { "drawn again" }) == "drawn again")
        }
    }
}
