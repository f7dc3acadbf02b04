import Testing
@testable import DbagKit

extension Charts {
    @Suite struct LinearScaleTests {
        @Test(arguments: [
            (0.0, 10.0, 5, [0.0, 2, 4, 6, 8, 10]),
            (0, 1, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0, 100, 10, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]),
            (-5, 5, 4, [-4, -2, 0, 2, 4]),
            (98, 351, 5, [100, 150, 200, 250, 300, 350]),
            (0.001, 0.003, 4, [0.001, 0.0015, 0.002, 0.0025, 0.003]),
            (0, 3e9, 3, [0, 1e9, 2e9, 3e9]),
        ])
        func ticks(_ lo: Double, _ hi: Double, _ count: Int, _ expected: [Double]) {
            #expect(LinearScale.ticks(lo, hi, count: count) == expected)
        }

        @Test func niceDomainCoversValues() {
            let scale = LinearScale.fitting([98, 351], tickCount: 5)
            #expect(scale.lower == 50 && scale.upper == 400)
            let bars = LinearScale.fitting([98, 351], includeZero: true, tickCount: 5)
            #expect(bars.lower == 0 && bars.upper == 400)
        }

        @Test(arguments: [[Double]]([
            [], [42], [7, 7, 7], [0, 0], [-3], [1e300, -1e300], [.nan, .infinity], [1e9, 1e9 + 1e-7], [1e-300, 2e-300],
        ]))
        func degenerateInputStaysFinite(_ values: [Double]) {
            for includeZero in [false, true] {
                let scale = LinearScale.fitting(values, includeZero: includeZero, rangeStart: 200, rangeEnd: 10)
                #expect(scale.lower < scale.upper)
                #expect(scale.lower.isFinite && scale.upper.isFinite)
                for value in values + [0] {
                    let position = scale(value)
                    #expect(position.isFinite)
                }
                let finite = scale.ticks().allSatisfy { $0.isFinite }
                #expect(finite)
                #expect(!scale.ticks().isEmpty)
            }
        }

        @Test func singleValueIsPaddedAroundIt() {
            let scale = LinearScale.fitting([42])
            #expect(scale.lower < 42 && scale.upper > 42)
            let bars = LinearScale.fitting([42], includeZero: true)
            #expect(bars.lower == 0 && bars.upper >= 42)
            let negative = LinearScale.fitting([-3], includeZero: true)
            #expect(negative.lower <= -3 && negative.upper == 0)
        }

        @Test func mapsDomainToRange() {
            let scale = LinearScale(lower: 0, upper: 100, rangeStart: 200, rangeEnd: 0)
            let (a, b, c) = (scale(0), scale(50), scale(.nan))
            #expect(a == 200 && b == 100 && c == 200)
        }
    }
}
