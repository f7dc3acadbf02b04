/// One growing byte buffer that a chart writes its SVG (or a table its HTML) into,
/// piece by piece: no temporary strings for elements, attributes or coordinates,
/// and short pieces copied byte by byte rather than through a generic append.
struct SVGBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes were written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// What was written, as a string.
    var string: String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let larger = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// `source` copied to the end.
    @inline(__always)
    private mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress else { return }
        let n = source.count
        reserve(n)
        let to = base + count
        if n <= 32 {
            for i in 0..<n { to[i] = from[i] }
        } else {
            to.update(from: from, count: n)
        }
        count += n
    }

    /// One byte.
    @inline(__always)
    mutating func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    /// Markup written as is (a literal of the code, never data).
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { put($0) }
    }

    /// Text written as is: markup, or text already escaped.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    /// Text escaped for element content and attribute values (`HTML.escape`).
    mutating func escaped(_ text: String) {
        append(HTML.escape(text))
    }

    /// Bytes written as is.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        put(bytes)
    }

    /// Everything `other` holds.
    mutating func append(_ other: borrowing SVGBytes) {
        append(other, from: 0)
    }

    /// What `other` holds from byte `start` on.
    mutating func append(_ other: borrowing SVGBytes, from start: Int) {
        guard start < other.count else { return }
        put(UnsafeBufferPointer(start: other.base + start, count: other.count - start))
    }

    /// Drops what was written after the first `count` bytes.
    mutating func truncate(to count: Int) {
        self.count = max(0, min(count, self.count))
    }

    /// A coordinate, as `SVG.n` writes it (`NumberText.coord`).
    @inline(__always)
    mutating func n(_ x: Double) {
        reserve(16)
        count += NumberText.coord(x, to: UnsafeMutableBufferPointer(start: base + count, count: 16))
    }

    /// `<title id="P-title">title</title><desc id="P-desc">description</desc>`, both escaped.
    mutating func titleAndDescription(prefix: String, title: String, description: String) {
        raw("<title id=\"")
        append(prefix)
        raw("-title\">")
        escaped(title)
        raw("</title><desc id=\"")
        append(prefix)
        raw("-desc\">")
        escaped(description)
        raw("</desc>")
    }

    /// ` name="value"` with the value escaped.
    mutating func attribute(_ name: StaticString, _ value: String) {
        byte(UInt8(ascii: " "))
        raw(name)
        raw("=\"")
        escaped(value)
        byte(UInt8(ascii: "\""))
    }

    /// ` name="coordinate"`.
    @inline(__always)
    mutating func attribute(_ name: StaticString, _ x: Double) {
        byte(UInt8(ascii: " "))
        raw(name)
        raw("=\"")
        n(x)
        byte(UInt8(ascii: "\""))
    }
}
