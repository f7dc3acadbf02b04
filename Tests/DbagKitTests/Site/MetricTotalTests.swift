import Foundation
import Testing
@testable import DbagKit

/// A per-object metric without a key shows its objects' sum per day.
@Suite struct MetricTotalTests {
    let start = Day(ordinal: 20_000)

    func point(_ offset: Int, _ value: Double) -> DayValue { DayValue(day: start.advanced(by: offset), value: value) }

    @Test func sumsEveryObjectPerDay() {
        let data = SiteData(series: ["m": ["a": [point(0, 1), point(2, 3)], "b": [point(1, 10), point(2, 20)], "c": []]])
        let view = MetricView(metric: Metric(slug: "m", per: "customer"), key: nil, data: data)
        #expect(view.points == [point(0, 1), point(1, 10), point(2, 23)])
    }

    @Test func fillsEachObjectAsItsMetricSays() {
        var metric = Metric(slug: "m", per: "customer")
        metric.missing = .carry
        let data = SiteData(series: ["m": ["a": [point(0, 1), point(3, 2)], "b": [point(1, 10)]]])
        #expect(MetricView(metric: metric, key: nil, data: data).points == [point(0, 1), point(1, 11), point(2, 1), point(3, 2)])
    }

    @Test func daysFarApartStillSum() {
        let far = DayValue(day: Day(ordinal: -700_000), value: 5)
        let data = SiteData(series: ["m": ["a": [far, point(0, 1)], "b": [point(0, 2)]]])
        #expect(MetricView(metric: Metric(slug: "m", per: "customer"), key: nil, data: data).points == [far, point(0, 3)])
    }

    /// Fractions are added in key order, so every process gets the same bits.
    @Test func addsInKeyOrder() {
        let data = SiteData(series: ["m": ["c": [point(0, 0.3)], "a": [point(0, 0.1)], "b": [point(0, 0.2)]]])
        let total = MetricView(metric: Metric(slug: "m", per: "customer"), key: nil, data: data).points.first?.value
        #expect(total?.bitPattern == (((0 + 0.1) + 0.2) + 0.3).bitPattern)
        #expect(total?.bitPattern != (0.1 + (0.2 + 0.3)).bitPattern)
    }
}
