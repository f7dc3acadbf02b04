import Testing
@testable import DbagKit

extension Charts {
    /// Value axes: round steps for the format, one style and precision per axis.
    @Suite struct AxisTests {
        static func axis(_ values: [Double], _ format: MetricFormat, zero: Bool = false, count: Int = 5) -> ValueAxis {
            ValueAxis(values: values, formatter: ValueFormatter(format: format), includeZero: zero, count: count)
        }

        /// The suffix after the digits, and the number of decimals, of a label.
        static func shape(_ label: String) -> (decimals: Int, suffix: String) {
            let scalars = Array(label.unicodeScalars)
            let digitsEnd = scalars.lastIndex { $0 >= "0" && $0 <= "9" } ?? -1
            let suffix = String(String.UnicodeScalarView(scalars[(digitsEnd + 1)...]))
            let body = String(String.UnicodeScalarView(scalars[...max(digitsEnd, 0)]))
            let decimals = body.split(separator: ".").count > 1 ? (body.split(separator: ".").last?.count ?? 0) : 0
            return (decimals, suffix)
        }

        @Test(arguments: [
            ([6_800.0, 11_200], MetricFormat.number), ([0, 12_345], .number), ([0.12, 0.93], .percent),
            ([0.001, 0.004], .percent), ([1.2e9, 2.6e9], .bytes), ([0, 5.5e6], .bytes), ([0, 61_000], .currency),
            ([1.5e6, 9.2e6], .number), ([12.5, 14.25], .number), ([-3_000, 2_000], .number), ([2e9, 7e9], .currency),
        ])
        func everyTickOfAnAxisHasOneStyle(_ values: [Double], _ format: MetricFormat) {
            let axis = Self.axis(values, format)
            #expect(axis.ticks.count >= 2)
            let shapes = axis.labels.map(Self.shape)
            #expect(Set(shapes.map(\.decimals)).count == 1, "\(axis.labels)")
            #expect(Set(shapes.map(\.suffix)).count == 1, "\(axis.labels)")
        }

        @Test func thousandsAreNeverMixedWithK() {
            let axis = Self.axis([6_900, 11_100], .number)
            #expect(axis.labels == ["6,000", "7,000", "8,000", "9,000", "10,000", "11,000", "12,000"]
                || axis.labels.allSatisfy { !$0.hasSuffix("k") })
            #expect(!axis.labels.contains { $0.hasSuffix("k") })
        }

        @Test(arguments: [[Double]]([[250, 450], [0, 3_600], [40, 100], [5_400, 20_000], [0, 300_000], [3, 48], [0, 1_728_000]]))
        func durationTicksFallOnRoundDurations(_ values: [Double]) {
            let axis = Self.axis(values, .duration)
            #expect(ValueAxis.durationSteps.contains(axis.step) || axis.step.truncatingRemainder(dividingBy: 86_400) == 0,
                    "step \(axis.step)")
            for tick in axis.ticks {
                #expect(tick.truncatingRemainder(dividingBy: axis.step) == 0)
            }
            let shapes = axis.labels.map { $0.split(separator: " ").count }
            #expect(Set(shapes).count == 1, "\(axis.labels)")
        }

        @Test func durationLabelsReadAsDurations() {
            #expect(Self.axis([250, 450], .duration).labels == ["4m", "5m", "6m", "7m", "8m"])
            #expect(Self.axis([0, 3_600], .duration).labels.first == "0m")
            #expect(Self.axis([0.2, 0.8], .duration).labels.allSatisfy { $0.hasSuffix("ms") })
        }

        @Test func bytesUseOnePowerOf1000() {
            let axis = Self.axis([0, 2.6e9], .bytes)
            #expect(axis.labels.allSatisfy { $0.hasSuffix(" GB") }, "\(axis.labels)")
            #expect(axis.labels.contains("1.0 GB") || axis.labels.contains("1 GB"))
        }

        @Test func percentTicksShareDecimals() {
            #expect(Self.axis([0.75, 1], .percent).labels == ["75%", "80%", "85%", "90%", "95%", "100%"])
            #expect(Self.axis([0.01, 0.025], .percent).labels.allSatisfy { $0.contains(".") })
        }

        @Test(arguments: [[1.0], [0, 1], [3, 4], [0, 0], [1, 2, 1], [7]])
        func countsNeverGetFractionalTicks(_ values: [Double]) {
            let axis = Self.axis(values, .number, zero: true, count: 6)
            #expect(axis.ticks.allSatisfy { $0 == $0.rounded() }, "\(axis.ticks)")
            #expect(axis.labels.allSatisfy { !$0.contains(".") })
            #expect(axis.ticks.count >= 2)
        }

        @Test func fractionalMetricsKeepTheirSteps() {
            #expect(Self.axis([0.5, 1.5], .number).ticks.contains(0.75) || Self.axis([0.5, 1.5], .number).step < 1)
        }

        @Test func axisCoversTheValues() {
            let cases: [[Double]] = [[3, 97], [-12, 4], [1e6, 1e6 + 3], [0.0003, 0.0009]]
            for values in cases {
                let axis = Self.axis(values, .number)
                #expect(axis.scale.lower <= (values.min() ?? 0) && axis.scale.upper >= (values.max() ?? 0))
            }
        }
    }
}
