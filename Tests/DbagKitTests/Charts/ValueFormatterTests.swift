import Testing
@testable import DbagKit

extension Charts {
    @Suite struct ValueFormatterTests {
        @Test(arguments: [
            (0.0, "0"), (1234, "1,234"), (9999, "9,999"), (9999.6, "10k"), (10_000, "10k"), (12_345, "12.3k"),
            (123_456, "123k"), (999_950, "1M"), (4_500_000, "4.5M"), (1_200_000_000, "1.2B"),
            (1_234_000_000_000, "1.2T"), (999_000_000_000, "999B"), (999_960_000_000_000, "1e15"), (0.5, "0.5"), (3.14159, "3.14"), (12.34, "12.3"), (999.95, "1,000"),
            (0.012, "0.012"), (-1234, "-1,234"), (-12_345, "-12.3k"), (-0.0001, "-0.0001"), (1e-9, "0"),
            (-1e-9, "0"), (Double.nan, "–"), (Double.infinity, "–"), (-Double.infinity, "–"), (1e300, "1e300"), (1e18, "1e18"), (-2.5e20, "-2.5e20"), (Double.greatestFiniteMagnitude, "1.8e308"),
        ])
        func number(_ value: Double, _ expected: String) {
            #expect(ValueFormatter(format: .number).string(value) == expected)
        }

        @Test(arguments: [
            (0.0, "0%"), (0.452, "45.2%"), (1, "100%"), (0.0012, "0.12%"), (-0.05, "-5%"), (12.5, "1,250%"),
            (0.99996, "100%"), (Double.nan, "–"),
        ])
        func percent(_ value: Double, _ expected: String) {
            #expect(ValueFormatter(format: .percent, unit: "ignored").string(value) == expected)
        }

        @Test(arguments: [
            (0.0, "0s"), (0.45, "450ms"), (0.0004, "0.4ms"), (0.9996, "1s"), (45, "45s"), (59.6, "1m"), (192, "3m 12s"),
            (3599.6, "1h"), (7500, "2h 5m"), (273_600, "3d 4h"), (86_400, "1d"), (-90, "-1m 30s"), (Double.infinity, "–"),
        ])
        func duration(_ value: Double, _ expected: String) {
            #expect(ValueFormatter(format: .duration).string(value) == expected)
        }

        @Test(arguments: [
            (0.0, "0 B"), (512, "512 B"), (999.6, "1 kB"), (1234, "1.2 kB"), (1_200_000_000, "1.2 GB"),
            (999_960_000, "1 GB"), (3e12, "3 TB"), (5e15, "5 PB"), (1e18, "1 EB"), (999.96e18, "1e21 B"),
            (2.5e24, "2.5e24 B"), (1e300, "1e300 B"), (-2048, "-2 kB"),
        ])
        func bytes(_ value: Double, _ expected: String) {
            #expect(ValueFormatter(format: .bytes).string(value) == expected)
        }

        @Test(arguments: [
            (0.0, "$0"), (1234, "$1,234"), (12.5, "$12.50"), (0.99, "$0.99"), (999.95, "$1,000"), (12_345, "$12.3k"),
            (-42, "-$42"), (Double.nan, "–"),
        ])
        func currency(_ value: Double, _ expected: String) {
            #expect(ValueFormatter(format: .currency).string(value) == expected)
        }

        @Test func unitOnlyForNumbersAndOnlyWhenAsked() {
            let users = ValueFormatter(format: .number, unit: "users")
            #expect(users.string(12_345) == "12.3k users")
            #expect(users.string(12_345, withUnit: false) == "12.3k")
            #expect(ValueFormatter(format: .number).string(5) == "5")
            #expect(ValueFormatter(format: .bytes, unit: "users").string(5) == "5 B")
        }

        @Test func tickLabelsMayUseTypographicMinus() {
            let f = ValueFormatter()
            #expect(f.string(-5, minus: .typographic) == "\u{2212}5")
            #expect(f.string(-5) == "-5")
        }
    }
}
