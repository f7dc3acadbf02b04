@testable import DbagKit

/// Deterministic data for chart tests (integer arithmetic only, no libm).
enum ChartFixtures {
    static let start = Day(year: 2024, month: 1, day: 1) ?? Day(ordinal: 19_723)

    /// `count` days from 2024-01-01 with a wobbly upward trend; days in `missing` left out.
    static func series(_ count: Int = 90, offset: Int = 0, missing: Range<Int> = 40..<45) -> [DayValue] {
        (0..<count).compactMap { i in
            guard !missing.contains(i) else { return nil }
            let wobble = Double((i * 37 + offset) % 23) * 5
            return DayValue(day: start.advanced(by: i), value: 120 + wobble + Double(i * 2))
        }
    }

    /// A year of daily values ending 2024-12-31 with some empty days and zeros.
    static func year() -> [DayValue] {
        (0..<366).compactMap { i in
            guard i % 11 != 3 else { return nil }
            return DayValue(day: start.advanced(by: i), value: Double((i * 7) % 13 == 0 ? 0 : (i * 13) % 40))
        }
    }

    /// Returns whether `text` contains a `#` followed by 3+ hex digits that is not an `&#39;`-style entity.
    static func containsHexColour(_ text: String) -> Bool {
        let chars = Array(text)
        for (i, c) in chars.enumerated() where c == "#" && (i == 0 || chars[i - 1] != "&") {
            let hex = chars[(i + 1)...].prefix { $0.isHexDigit }
            if hex.count >= 3 { return true }
        }
        return false
    }

    /// Every `id="…"` value in `text`.
    static func ids(_ text: String) -> [String] {
        text.components(separatedBy: "id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}
