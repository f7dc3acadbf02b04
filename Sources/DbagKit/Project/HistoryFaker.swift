import Foundation

/// Makes plausible history for `dbag fake`: a trend, a weekly rhythm and noise,
/// shaped by each metric's format, deterministic for a seed.
public struct HistoryFaker: Sendable {
    public var seed: UInt64
    public var days: Int
    public var lastDay: Day

    /// Objects for per-object metrics: key and label.
    public static let objects: [(key: String, label: String)] = [
        ("acme", "Acme Corp"), ("globex", "Globex Corporation"), ("initech", "Initech"),
        ("umbrella", "Umbrella Health"), ("hooli", "Hooli"), ("stark", "Stark Industries"),
    ]

    public init(seed: UInt64 = 1, days: Int = 365, lastDay: Day) {
        self.seed = seed
        self.days = max(1, days)
        self.lastDay = lastDay
    }

    /// The metrics `fake` fills: active ones that store values (not series).
    public static func metrics(in config: Config) -> [Metric] {
        config.metrics.filter { $0.active && $0.series == nil }
    }

    /// Values for every fillable metric, plus object labels.
    public func history(for metrics: [Metric]) -> (values: [StoredValue], labels: [(metric: String, key: String, label: String)]) {
        var values: [StoredValue] = [], labels: [(metric: String, key: String, label: String)] = []
        for metric in metrics {
            var random = SplitMix64(seed: seed ^ SplitMix64.hash(metric.slug))
            if metric.per != nil {
                for (index, object) in Self.objects.enumerated() {
                    let scale = 1.0 / Double(index + 1) + 0.1 * random.unit()
                    values += series(metric, key: object.key, scale: scale, random: &random)
                    labels.append((metric.slug, object.key, object.label))
                }
            } else {
                values += series(metric, key: "", scale: 1, random: &random)
            }
        }
        return (values, labels)
    }

    func series(_ metric: Metric, key: String, scale: Double, random: inout SplitMix64) -> [StoredValue] {
        let base: Double
        switch metric.format {
        case .percent: base = 0.35 + 0.4 * random.unit()
        case .duration: base = 60 + 840 * random.unit()
        case .bytes: base = 1e9 * (1 + 40 * random.unit())
        case .currency: base = 1000 + 49_000 * random.unit()
        case .number: base = 100 + 9_900 * random.unit()
        }
        // Over the period, drift 10–60 % in the good direction (or either way when neutral).
        let direction: Double = metric.good == .down ? -1 : (metric.good == .up ? 1 : (random.unit() < 0.5 ? -1 : 1))
        let growth = direction * (0.1 + 0.5 * random.unit()) / Double(days)
        let weekly = metric.format == .bytes ? 0 : 0.05 + 0.15 * random.unit()
        let noise = metric.format == .bytes ? 0.005 : 0.03 + 0.05 * random.unit()
        var walk = 0.0
        var result: [StoredValue] = []
        for offset in 0..<days {
            let day = lastDay.advanced(by: offset - days + 1)
            walk = 0.9 * walk + 0.3 * noise * random.gaussian()
            let weekend = day.weekday >= 5 ? -weekly : weekly * 0.4
            var value = base * scale * (1 + growth * Double(offset)) * (1 + weekend + walk + noise * random.gaussian())
            switch metric.format {
            case .percent: value = (min(0.999, max(0.001, value)) * 10_000).rounded() / 10_000
            case .duration: value = (max(1, value) * 10).rounded() / 10
            case .currency: value = (max(0, value) * 100).rounded() / 100
            case .bytes, .number: value = max(0, value).rounded()
            }
            result.append(StoredValue(metric: metric.slug, key: key, day: day, value: value))
        }
        return result
    }
}
