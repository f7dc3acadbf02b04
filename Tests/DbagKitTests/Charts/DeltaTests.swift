import Testing
@testable import DbagKit

extension Charts {
    @Suite struct DeltaTests {
        @Test(arguments: [
            (112.3, 100.0, MetricFormat.number, GoodDirection.up, "▲ +12.3%", "good", Delta.Direction.up),
            (96, 100, .number, .up, "▼ -4%", "bad", .down),
            (96, 100, .number, .down, "▼ -4%", "good", .down),
            (100, 100, .number, .up, "● 0%", "neutral", .flat),
            (100.01, 100, .number, .up, "● 0%", "neutral", .flat),
            (4, 0, .number, .up, "▲ +4", "good", .up),
            (-4, 0, .number, .up, "▼ -4", "bad", .down),
            (0, 0, .number, .up, "● 0", "neutral", .flat),
            (350, 100, .number, .neutral, "▲ +250%", "neutral", .up),
            (0.464, 0.452, .percent, .up, "▲ +1.2 pp", "good", .up),
            (0.452, 0.464, .percent, .up, "▼ -1.2 pp", "bad", .down),
            (0.5, 0.5, .percent, .up, "● 0 pp", "neutral", .flat),
            (192, 0, .duration, .down, "▲ +3m 12s", "bad", .up),
            (-5, -10, .number, .up, "▲ +50%", "good", .up),
            (Double.nan, 10, .number, .up, "–", "neutral", .flat),
        ])
        func text(_ current: Double, _ previous: Double, _ format: MetricFormat, _ good: GoodDirection,
                  _ text: String, _ cssClass: String, _ direction: Delta.Direction) {
            let delta = Delta.between(current, previous, format: format, good: good)
            #expect(delta.text == text)
            #expect(delta.cssClass == cssClass)
            #expect(delta.direction == direction)
        }

        @Test func relativeIsNilWhenPreviousIsZero() {
            #expect(Delta.between(5, 0, format: .number).relative == nil)
            #expect(Delta.between(5, 0, format: .number).absolute == 5)
            #expect(Delta.between(15, 10, format: .number).relative == 0.5)
            #expect(ValueFormatter.formatDelta(15, 10, format: .number).text == "▲ +50%")
        }
    }
}
