import Foundation

/// Groups rows read in `metric, key, day` order into metric → key → points,
/// making each metric's and key's String once per run of rows rather than once
/// per row: a row continues the run while its metric and key bytes are the same.
struct SeriesRuns {
    private(set) var series: [String: [String: [DayValue]]] = [:]
    private var metric: [UInt8] = []
    private var key: [UInt8] = []
    private var points: [DayValue] = []
    private var started = false

    /// Adds a point to the run of `metric` and `key`, starting a new run when either differs.
    mutating func add(metric: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>, point: DayValue) {
        if !started || !Self.same(self.metric, metric) || !Self.same(self.key, key) {
            flush()
            self.metric = Array(metric)
            self.key = Array(key)
            started = true
        }
        points.append(point)
    }

    /// Whether two byte strings are equal (memcmp: the generic comparison costs more than reading the row).
    private static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let base = b.baseAddress else { return true }
        return a.withUnsafeBufferPointer { own in own.baseAddress.map { memcmp($0, base, b.count) == 0 } ?? true }
    }

    /// Every series read, the last run included.
    mutating func finish() -> [String: [String: [DayValue]]] {
        flush()
        return series
    }

    /// Files the current run under its metric and key (after any run whose
    /// Strings compare equal, as rows appended one by one would be).
    private mutating func flush() {
        guard started, !points.isEmpty else { return }
        series[String(decoding: metric, as: UTF8.self), default: [:]][String(decoding: key, as: UTF8.self), default: []]
            .append(contentsOf: points)
        points = []
    }
}
