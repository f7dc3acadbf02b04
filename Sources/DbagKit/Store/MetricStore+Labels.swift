import Foundation

/// Object labels as CSV, `metric,key,label`: what `dbag export --labels` writes
/// and `dbag import` reads (it tells the two forms apart by their header).
public enum LabelsCSV {
    /// The header line, exactly.
    public static let header = "metric,key,label"

    /// Whether CSV bytes start with the labels header (after an optional BOM).
    public static func isLabels(_ data: Data) -> Bool {
        var prefix = data.prefix(64)
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { prefix = prefix.dropFirst(3) }
        let line = String(decoding: prefix.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self)
        return line == header
    }
}

extension Store {
    /// Every object label as CSV, sorted by metric then key.
    public func exportLabelsCSV() throws -> String {
        var out = LabelsCSV.header + "\n"
        for (metric, keys) in try labels().sorted(by: { $0.key < $1.key }) {
            for (key, label) in keys.sorted(by: { $0.key < $1.key }) {
                out += StoreCSV.field(metric) + "," + StoreCSV.field(key) + "," + StoreCSV.field(label) + "\n"
            }
        }
        return out
    }

    /// Imports `metric,key,label` CSV in one transaction, all or nothing;
    /// a label replaces the one stored for its object.
    public func importLabelsCSV(_ data: Data, file: String) throws -> CSVImportSummary {
        var labels: [(metric: String, key: String, label: String)] = []
        try data.withUnsafeBytes { raw in
            var reader = CSVImporter(bytes: raw.bindMemory(to: UInt8.self), file: file)
            _ = try reader.nextRecord()
            while try reader.nextRecord() {
                if reader.isBlankRecord { continue }
                guard reader.fieldCount == 3 else {
                    throw reader.fail("expected 3 fields (metric,key,label), found \(reader.fieldCount)", field: min(reader.fieldCount, 4) - 1)
                }
                let at = (0..<3).map { reader.location(field: $0) }
                for (i, what) in [(1, "key"), (2, "label")] {
                    if let problem = reader.withField(i, { b, _ in StoredText.problem(bytes: b, what: what) }) {
                        throw Diagnostic(problem, at: at[i])
                    }
                }
                let fields = (0..<3).map { i in reader.withField(i) { b, _ in String(decoding: b, as: UTF8.self) } }
                guard Metric.isValidSlug(fields[0]) else {
                    throw Diagnostic("metric '\(fields[0])' is not a slug (a-z, 0-9, '-')", at: at[0])
                }
                guard !fields[1].isEmpty else { throw Diagnostic("a label needs an object key", at: at[1]) }
                labels.append((fields[0], fields[1], fields[2]))
            }
        }
        try save([], labels: labels)
        return CSVImportSummary(rows: labels.count, metrics: Set(labels.map(\.metric)).sorted())
    }
}
