import Foundation

/// One measured number of one repetition, such as `build 1.03 s`.
struct BenchFigure: Codable, Sendable {
    /// What was measured (`build`, `import rate`, `peak memory`).
    var name: String
    var value: Double
    /// `s`, `MB`, `rows/s`, `instructions`…
    var unit: String

    init(_ name: String, _ value: Double, _ unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
    }

    /// The value with as many decimals as its size deserves.
    static func format(_ value: Double, unit: String) -> String {
        switch unit {
        case "s": return String(format: value < 10 ? "%.3f" : "%.2f", value)
        case "ms": return String(format: "%.2f", value)
        default:
            let digits = String(Int(value.rounded()))
            var out = ""
            for (i, c) in digits.reversed().enumerated() {
                if i > 0, i % 3 == 0, c != "-" { out.append(",") }
                out.append(c)
            }
            return String(out.reversed())
        }
    }
}

/// Median, min and max of one figure over the runs.
struct BenchStatistic {
    var name: String
    var unit: String
    var values: [Double]

    var median: Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }

    /// One statistic per figure name, in the order the first run gave them.
    static func collect(_ runs: [[BenchFigure]]) -> [BenchStatistic] {
        var order: [String] = []
        var byName: [String: BenchStatistic] = [:]
        for run in runs {
            for figure in run {
                if byName[figure.name] == nil {
                    order.append(figure.name)
                    byName[figure.name] = BenchStatistic(name: figure.name, unit: figure.unit, values: [])
                }
                byName[figure.name]?.values.append(figure.value)
            }
        }
        return order.compactMap { byName[$0] }
    }
}
