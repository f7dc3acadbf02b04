import Foundation

/// Charts already drawn in one build, by everything that decides their HTML (the
/// `LineChart` value itself, id included): the same chart on several pages, such as
/// one metric charted the same way on many dashboards, is drawn twice at most, and
/// the output is byte for byte what drawing it again would give. A chart is kept
/// only once it has been asked for a second time (a one-off chart, such as each
/// metric page's, costs a hash), and at most `limit` bytes are kept in all.
final class ChartCache: @unchecked Sendable {
    /// The most bytes of HTML kept; charts drawn after that are not kept.
    let limit: Int
    private var drawn: [LineChart: String] = [:]
    private var seen = Set<Int>()
    private var bytes = 0
    private let lock = NSLock()

    /// An empty cache keeping up to `limit` bytes.
    init(limit: Int = 32 << 20) {
        self.limit = limit
    }

    /// The HTML of `chart`: kept from an earlier call, or `draw()` (kept when asked for before).
    func html(for chart: LineChart, draw: () -> String) -> String {
        let hash = chart.hashValue
        let (kept, again) = lock.withLock { () -> (String?, Bool) in
            if let kept = drawn[chart] { return (kept, true) }
            return (nil, !seen.insert(hash).inserted)
        }
        if let kept { return kept }
        let html = draw()
        guard again else { return html }
        let size = html.utf8.count
        lock.withLock {
            guard bytes + size <= limit, drawn[chart] == nil else { return }
            drawn[chart] = html
            bytes += size
        }
        return html
    }

    /// How many charts are kept.
    var count: Int {
        lock.withLock { drawn.count }
    }
}
