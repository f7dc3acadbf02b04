import Testing
@testable import DbagKit

@Suite struct AlertMessageTests {
    /// Bounds are written as the metric's format writes values: `below 1,000`, not `below 1000.0`.
    @Test func boundsUseTheMetricsFormat() {
        let alert = Alert(below: 1000, above: 0.9)
        #expect(alert.message(for: 12, formatter: ValueFormatter(format: .number, unit: "users")) == "below 1,000 users")
        #expect(Alert(above: 0.9).message(for: 0.95, formatter: ValueFormatter(format: .percent)) == "above 90%")
        #expect(alert.message(for: 500) == "below 1,000")
    }
}
