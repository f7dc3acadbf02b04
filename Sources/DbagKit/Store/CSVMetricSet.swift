import Foundation

/// The metric slugs an import has read. Rows of one metric usually come together, so a
/// slug equal to the last one is recognised by its bytes, without making a String.
struct CSVMetricSet {
    private var slugs = Set<String>()
    private var last: [UInt8] = []

    mutating func insert(_ slug: UnsafeBufferPointer<UInt8>) {
        let same = slug.count == last.count && last.withUnsafeBufferPointer { last in
            guard let a = slug.baseAddress, let b = last.baseAddress else { return true }
            return memcmp(a, b, slug.count) == 0
        }
        if same { return }
        last.removeAll(keepingCapacity: true)
        last.append(contentsOf: slug)
        slugs.insert(String(decoding: slug, as: UTF8.self))
    }

    /// Every slug, sorted.
    var sorted: [String] { slugs.sorted() }
}
