import Foundation

/// The static data API: `data/<metric>.json`, `data/<metric>.csv` and
/// `data/all.csv`, streamed to the sink a megabyte at a time, so a store of
/// millions of values never sits in memory as text.
enum DataAPI {
    static func write(config: Config, data: SiteData, to sink: any SiteSink) throws {
        let header = Array((StoreCSV.header + "\n").utf8)
        // One value is `["2025-01-01", 12]`, written as bytes: there are hundreds of thousands.
        let firstOpen = Array("[\"".utf8), nextOpen = Array(", [\"".utf8), dayClose = Array("\", ".utf8), seriesClose = Array("]}".utf8)
        var all = ChunkedFile(path: "data/all.csv", sink: sink)
        try all.add(header)
        for metric in config.metrics.sorted(by: { $0.slug < $1.slug }) {
            let series = data.series[metric.slug] ?? [:]
            var csv = ChunkedFile(path: "data/\(metric.slug).csv", sink: sink)
            try csv.add(header)
            var json = ChunkedFile(path: "data/\(metric.slug).json", sink: sink)
            try json.add(jsonHead(metric: metric, data: data))
            var rows: [UInt8] = []
            for (index, key) in series.keys.sorted().enumerated() {
                let points = series[key] ?? []
                rows.removeAll(keepingCapacity: true)
                StoreCSV.rows(metric: metric.slug, key: key, points: points, into: &rows)
                try csv.add(rows)
                try all.add(rows)
                let label = metric.per == nil ? "null" : quote(data.label(metric.slug, key: key))
                try json.add((index == 0 ? "\n" : ",\n") + "    {\"key\": \(quote(key)), \"label\": \(label), \"values\": [")
                rows.removeAll(keepingCapacity: true)
                for (i, point) in points.enumerated() {
                    rows.append(contentsOf: i == 0 ? firstOpen : nextOpen)
                    point.day.appendText(to: &rows)
                    rows.append(contentsOf: dayClose)
                    StoreCSV.appendNumber(point.value, to: &rows)
                    rows.append(UInt8(ascii: "]"))
                }
                rows.append(contentsOf: seriesClose)
                try json.add(rows)
            }
            try json.add(series.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
            try csv.flush()
            try json.flush()
        }
        try all.flush()
    }

    /// `{"metric": …, "series": [` — settings first, then `{"key", "label", "values": [["2025-01-01", 12], …]}` per key.
    static func jsonHead(metric: Metric, data: SiteData) -> String {
        "{\n"
            + "  \"metric\": \(quote(metric.slug)),\n"
            + "  \"name\": \(quote(metric.name)),\n"
            + "  \"description\": \(quote(metric.description)),\n"
            + "  \"unit\": \(quote(metric.unit)),\n"
            + "  \"format\": \(quote(metric.format.rawValue)),\n"
            + "  \"good\": \(quote(metric.good.rawValue)),\n"
            + "  \"kind\": \(quote(metric.kind)),\n"
            + "  \"per\": \(metric.per.map(quote) ?? "null"),\n"
            + "  \"category\": \(metric.category.map(quote) ?? "null"),\n"
            + "  \"missing\": \(quote(metric.missing.rawValue)),\n"
            + "  \"missing_means\": \(quote(missingMeaning(metric.missing))),\n"
            + "  \"target\": \(metric.target.map { "{\"value\": " + StoreCSV.number($0.value) + ", \"by\": " + ($0.by.map { quote($0.description) } ?? "null") + "}" } ?? "null"),\n"
            + "  \"last_collected\": \(data.lastSaved[metric.slug].map { quote(Timestamp.string($0)) } ?? "null"),\n"
            + "  \"series\": ["
    }

    /// How charts read a day without a value; the values listed here are only the stored ones.
    static func missingMeaning(_ policy: MissingPolicy) -> String {
        switch policy {
        case .gap: return "a day without a value is a gap in charts"
        case .zero: return "a day without a value counts as 0 in charts, roll-ups and deltas; such days are not listed"
        case .carry: return "a day without a value repeats the last value in charts, roll-ups and deltas; such days are not listed"
        }
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
