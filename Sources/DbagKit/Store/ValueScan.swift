import Foundation

/// Every value of a SQLite store, read in one pass from both ends at once: one
/// connection walks `metric_values` in key order, a second walks it backwards, and
/// they meet in the middle, so the build's largest read takes about half as long on
/// two cores. Each (metric, key) series is read whole by one side: a side claims a
/// series before it reads it, and stops at the first one the other side holds. The
/// same pass finds when each metric last had a value saved (the newest
/// `collected_at`), which was a second full read.
///
/// A row that is not what dbag writes (a hand-edited day or value) is an error
/// naming it; when there are several, the first in key order is reported, as a
/// one-way read would.
enum ValueScan {
    struct Values {
        var series: [String: [String: [DayValue]]] = [:]
        var lastSaved: [String: Date] = [:]
    }

    /// Reads through `forward`, and through `backward` too when there is one.
    static func read(_ forward: SQLiteDatabase, backward: SQLiteDatabase?, store: String) throws -> Values {
        let meeting = Meeting()
        let first = Side(), second = Side()
        let done = DispatchSemaphore(value: 0)
        if let backward {
            // A thread of its own: a block on Dispatch's global queue waited up to a
            // second for a free worker while the build's own workers sat blocked here.
            Thread {
                scan(backward, ascending: false, meeting: meeting, store: store, into: second)
                done.signal()
            }.start()
        }
        scan(forward, ascending: true, meeting: meeting, store: store, into: first)
        if backward != nil { done.wait() }
        return try merge(first, second, store: store)
    }

    /// What one side read: its series in the order it met them, and each metric's newest save.
    final class Side: @unchecked Sendable {
        var runs: [(metric: String, key: String, points: [DayValue])] = []
        var newest: [String: Newest] = [:]
        /// The first bad row in key order among those this side read.
        var error: (any Error)?
    }

    /// A metric's newest `collected_at` and the row that holds it.
    struct Newest {
        var stamp: SeriesID.Text
        var key: String
        var day: Day

        /// Keeps `self` for `metric` in `newest` unless it holds a newer (or the same) stamp.
        func keep(for metric: String, in newest: inout [String: Newest]) {
            if newest[metric].map({ $0.stamp < stamp }) ?? true { newest[metric] = self }
        }
    }

    private static func scan(_ database: SQLiteDatabase, ascending: Bool, meeting: Meeting, store: String, into side: Side) {
        let order = ascending ? "metric, key, day" : "metric DESC, key DESC, day DESC"
        let statement: SQLiteStatement
        do {
            statement = try database.prepare("SELECT metric, key, day, value, collected_at FROM metric_values ORDER BY \(order)")
        } catch {
            // A backward side without its statement claims nothing: the forward side reads it all.
            if ascending { side.error = error }
            return
        }
        do {
            var current: SeriesID?
            var points: [DayValue] = []
            // The run's newest `collected_at` and its day.
            var stamp: (text: SeriesID.Text, day: Day)?
            func finishRun() {
                guard let id = current, let stamp, !points.isEmpty else { return }
                if !ascending { points.reverse() }
                let metric = id.metric.string, key = id.key.string
                // A copy of exactly its size: the growing array keeps up to twice the room.
                side.runs.append((metric, key, Array(points)))
                Newest(stamp: stamp.text, key: key, day: stamp.day).keep(for: metric, in: &side.newest)
                points.removeAll(keepingCapacity: true)
            }
            while try statement.step() {
                if current.map({ !$0.matches(statement) }) ?? true {
                    finishRun()
                    let id = SeriesID(statement)
                    guard meeting.claim(id, ascending: ascending) else { break }
                    current = id
                    stamp = nil
                }
                do {
                    let row = StoreRow(statement, store: store)
                    let day = try statement.withText(2) { Day(utf8: $0) } ?? row.day(2)
                    points.append(DayValue(day: day, value: try row.value(3)))
                    if stamp.map({ $0.text.isLess(than: statement, 4) }) ?? true {
                        stamp = (SeriesID.Text(statement, 4), day)
                    }
                } catch {
                    // Forward, the first bad row is the first in key order: stop there
                    // (the other side stops at this series). Backward, the last one met is.
                    side.error = error
                    if ascending { break }
                }
            }
            finishRun()
        } catch {
            side.error = error
        }
    }

    private static func merge(_ first: Side, _ second: Side, store: String) throws -> Values {
        if let error = first.error ?? second.error { throw error }
        var values = Values()
        let runs = first.runs + second.runs.reversed()
        for run in runs {
            // Keys whose Strings compare equal (NFC and NFD spellings) share one series, in
            // key order. A new series takes the run's array itself: copying every point
            // would hold the store's values twice at the peak.
            if values.series[run.metric]?[run.key] != nil {
                values.series[run.metric]?[run.key]?.append(contentsOf: run.points)
            } else {
                values.series[run.metric, default: [:]][run.key] = run.points
            }
        }
        var newest = first.newest
        for (metric, other) in second.newest { other.keep(for: metric, in: &newest) }
        for (metric, row) in newest {
            guard let date = Timestamp.date(row.stamp.string) else {
                throw StoreRow.bad(table: "metric_values", store: store, metric: metric, key: row.key, day: row.day.description,
                                   column: "collected_at", found: "'\(StoredText.shown(row.stamp.string))'",
                                   expected: "a UTC time such as 2026-11-25T06:17:03Z")
            }
            values.lastSaved[metric] = date
        }
        return values
    }

    /// Where the two sides have got to: the last series each has claimed.
    final class Meeting: @unchecked Sendable {
        private let lock = NSLock()
        private var forward: SeriesID?
        private var backward: SeriesID?

        /// Whether the side may read series `id`: not when the other side has claimed it or one beyond it.
        func claim(_ id: SeriesID, ascending: Bool) -> Bool {
            lock.withLock {
                if ascending {
                    if let backward, !(id < backward) { return false }
                    forward = id
                } else {
                    if let forward, !(forward < id) { return false }
                    backward = id
                }
                return true
            }
        }
    }
}

/// A series' metric and key as SQLite orders them (BINARY collation: text by its
/// bytes, and a blob, which only a hand edit can store, after every text).
struct SeriesID: Comparable, Sendable {
    /// A column's bytes and whether they are a blob.
    struct Text: Comparable, Sendable {
        var bytes: [UInt8]
        var isBlob: Bool

        init(_ statement: SQLiteStatement, _ column: Int) {
            isBlob = statement.isBlob(column)
            bytes = statement.withText(column) { Array($0) }
        }

        var string: String { String(decoding: bytes, as: UTF8.self) }

        static func < (a: Text, b: Text) -> Bool {
            b.bytes.withUnsafeBufferPointer { a.precedes(isBlob: b.isBlob, $0) }
        }

        /// Whether this sorts before a column of the current row (compared in place, without a copy).
        func isLess(than statement: SQLiteStatement, _ column: Int) -> Bool {
            let otherIsBlob = statement.isBlob(column)
            return statement.withText(column) { precedes(isBlob: otherIsBlob, $0) }
        }

        /// SQLite's order: every text before every blob, then memcmp, then the shorter first.
        private func precedes(isBlob otherIsBlob: Bool, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
            if isBlob != otherIsBlob { return otherIsBlob }
            let order = bytes.withUnsafeBufferPointer { Self.compare($0, other) }
            return order != 0 ? order < 0 : bytes.count < other.count
        }

        /// Whether this equals a column of the current row.
        func matches(_ statement: SQLiteStatement, _ column: Int) -> Bool {
            guard isBlob == statement.isBlob(column) else { return false }
            return statement.withText(column) { other in
                other.count == bytes.count && bytes.withUnsafeBufferPointer { Self.compare($0, other) } == 0
            }
        }

        /// memcmp over the shorter length (the generic comparison costs more than reading the row).
        private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int32 {
            let common = min(a.count, b.count)
            guard common > 0, let x = a.baseAddress, let y = b.baseAddress else { return 0 }
            return memcmp(x, y, common)
        }
    }

    var metric: Text
    var key: Text

    /// Columns 0 and 1 of the current row.
    init(_ statement: SQLiteStatement) {
        metric = Text(statement, 0)
        key = Text(statement, 1)
    }

    /// Whether the current row belongs to this series.
    func matches(_ statement: SQLiteStatement) -> Bool {
        key.matches(statement, 1) && metric.matches(statement, 0)
    }

    static func < (a: SeriesID, b: SeriesID) -> Bool {
        a.metric != b.metric ? a.metric < b.metric : a.key < b.key
    }
}
