import Foundation

/// The static data API: `data/<metric>.json`, `data/<metric>.csv` and `data/all.csv`.
enum DataAPI {
    static func files(config: Config, data: SiteData) -> [OutputFile] {
        var files: [OutputFile] = []
        var all = CSVText.header
        for metric in config.metrics.sorted(by: { $0.slug < $1.slug }) {
            let series = data.series[metric.slug] ?? [:]
            var csv = CSVText.header
            CSVText.rows(metric: metric.slug, series: series, into: &csv)
            CSVText.rows(metric: metric.slug, series: series, into: &all)
            files.append(OutputFile(path: "data/\(metric.slug).csv", text: csv))
            files.append(OutputFile(path: "data/\(metric.slug).json", text: json(metric: metric, data: data)))
        }
        files.append(OutputFile(path: "data/all.csv", text: all))
        return files
    }

    static func json(metric: Metric, data: SiteData) -> String {
        var out = "{\n"
        out += "  \"metric\": \(quote(metric.slug)),\n"
        out += "  \"name\": \(quote(metric.name)),\n"
        out += "  \"description\": \(quote(metric.description)),\n"
        out += "  \"unit\": \(quote(metric.unit)),\n"
        out += "  \"format\": \(quote(metric.format.rawValue)),\n"
        out += "  \"good\": \(quote(metric.good.rawValue)),\n"
        out += "  \"kind\": \(quote(metric.kind)),\n"
        out += "  \"per\": \(metric.per.map(quote) ?? "null"),\n"
        out += "  \"last_collected\": \(data.lastSaved[metric.slug].map { quote(Timestamp.string($0)) } ?? "null"),\n"
        let series = data.series[metric.slug] ?? [:]
        if metric.per != nil {
            let labels = series.keys.sorted().map { "    \(quote($0)): \(quote(data.label(metric.slug, key: $0)))" }
            out += "  \"labels\": {" + (labels.isEmpty ? "},\n" : "\n" + labels.joined(separator: ",\n") + "\n  },\n")
        }
        var rows: [String] = []
        for key in series.keys.sorted() {
            for point in series[key] ?? [] {
                rows.append("    {\"key\": \(quote(key)), \"day\": \"\(point.day)\", \"value\": \(NumberText.shortest(point.value))}")
            }
        }
        out += "  \"values\": [" + (rows.isEmpty ? "]\n" : "\n" + rows.joined(separator: ",\n") + "\n  ]\n")
        return out + "}\n"
    }

    /// A JSON string literal.
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
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
