import Foundation

/// The static data API: `data/<metric>.json`, `data/<metric>.csv` and
/// `data/all.csv`. Files are handed over one at a time, written as bytes, so a
/// store of millions of values never sits in memory as text all at once.
enum DataAPI {
    /// Every data file, each passed to `deliver` as soon as it is made.
    static func files(config: Config, data: SiteData, deliver: (OutputFile) throws -> Void) rethrows {
        let header = Array((StoreCSV.header + "\n").utf8)
        var all = header
        for metric in config.metrics.sorted(by: { $0.slug < $1.slug }) {
            let series = data.series[metric.slug] ?? [:]
            var csv = header
            StoreCSV.rows(metric: metric.slug, series: series, into: &csv)
            all.append(contentsOf: csv.dropFirst(header.count))
            try deliver(OutputFile(path: "data/\(metric.slug).csv", contents: Data(csv)))
            try deliver(OutputFile(path: "data/\(metric.slug).json", contents: Data(json(metric: metric, data: data))))
        }
        try deliver(OutputFile(path: "data/all.csv", contents: Data(all)))
    }

    /// `{"metric": …, "series": [{"key": "", "label": null, "values": [["2025-01-01", 12], …]}]}`.
    static func json(metric: Metric, data: SiteData) -> [UInt8] {
        var out: [UInt8] = []
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add("{\n")
        add("  \"metric\": \(quote(metric.slug)),\n")
        add("  \"name\": \(quote(metric.name)),\n")
        add("  \"description\": \(quote(metric.description)),\n")
        add("  \"unit\": \(quote(metric.unit)),\n")
        add("  \"format\": \(quote(metric.format.rawValue)),\n")
        add("  \"good\": \(quote(metric.good.rawValue)),\n")
        add("  \"kind\": \(quote(metric.kind)),\n")
        add("  \"per\": \(metric.per.map(quote) ?? "null"),\n")
        add("  \"last_collected\": \(data.lastSaved[metric.slug].map { quote(Timestamp.string($0)) } ?? "null"),\n")
        add("  \"series\": [")
        let series = data.series[metric.slug] ?? [:]
        for (index, key) in series.keys.sorted().enumerated() {
            add(index == 0 ? "\n" : ",\n")
            let label = metric.per == nil ? "null" : quote(data.label(metric.slug, key: key))
            add("    {\"key\": \(quote(key)), \"label\": \(label), \"values\": [")
            for (i, point) in (series[key] ?? []).enumerated() {
                add(i == 0 ? "[\"" : ", [\"")
                add(point.day.description)
                add("\", ")
                add(StoreCSV.number(point.value))
                add("]")
            }
            add("]}")
        }
        add(series.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return out
    }

    /// A JSON string literal (`<` escaped too, so the file is safe to inline in HTML).
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
