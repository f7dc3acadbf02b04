/// Finds request heads in the bytes of one connection, in one pass over each
/// byte and within fixed bounds, as nginx does: a request line over
/// ``maxRequestLine`` bytes is refused with 414, a header section over
/// ``maxHeaderBytes`` with 431, a malformed head with 400.
public struct HTTPHeadReader: Sendable {
    /// The longest request line accepted (8 KB).
    public static let maxRequestLine = 8 * 1024
    /// The largest header section accepted (64 KB).
    public static let maxHeaderBytes = 64 * 1024

    /// Received bytes not yet returned as a head (a pipelined request may follow one).
    public private(set) var buffer: [UInt8] = []
    /// Bytes of `buffer` already searched.
    private var scanned = 0
    /// Index of the request line's `\n`, once found.
    private var requestLineEnd: Int?
    /// Where the header line being searched starts.
    private var lineStart = 0

    /// An empty reader.
    public init() {}

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete head, or nil until more bytes arrive.
    public mutating func next() throws(HTTPRefusal) -> HTTPRequestHead? {
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        if requestLineEnd == nil {
            while requestLineEnd == nil {
                guard let end = buffer[scanned...].firstIndex(of: newline) else {
                    scanned = buffer.count
                    if buffer.count > Self.maxRequestLine { throw .uriTooLong }
                    return nil
                }
                if end > Self.maxRequestLine { throw .uriTooLong }
                if end == 0 || (end == 1 && buffer[0] == cr) {
                    // Empty lines before a request line are ignored (RFC 9112 §2.2).
                    buffer.removeFirst(end + 1)
                    scanned = 0
                    continue
                }
                requestLineEnd = end
                lineStart = end + 1
                scanned = end + 1
            }
        }
        guard let lineEnd = requestLineEnd else { return nil }
        var index = scanned
        while index < buffer.count {
            if buffer[index] == newline {
                let length = index - lineStart
                if length == 0 || (length == 1 && buffer[lineStart] == cr) {
                    let head = try Self.parse(buffer[..<lineEnd], headers: buffer[(lineEnd + 1)..<lineStart])
                    buffer.removeFirst(index + 1)
                    scanned = 0
                    requestLineEnd = nil
                    lineStart = 0
                    return head
                }
                lineStart = index + 1
            }
            index += 1
            if index - (lineEnd + 1) > Self.maxHeaderBytes { throw .headersTooLarge }
        }
        scanned = index
        return nil
    }

    /// Parses a request line and its header lines (each ending in `\n`).
    static func parse(_ line: ArraySlice<UInt8>, headers: ArraySlice<UInt8>) throws(HTTPRefusal) -> HTTPRequestHead {
        let parts = trimmed(line).split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte), !parts[1].isEmpty,
              parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .badRequest }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .badRequest }
        var fields: [(name: String, value: String)] = []
        for raw in headers.split(separator: UInt8(ascii: "\n")) {
            let field = trimmed(raw)
            if field.isEmpty { continue }
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")), colon > field.startIndex,
                  field[..<colon].allSatisfy(isTokenByte) else { throw .badRequest }
            let value = field[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            fields.append((String(decoding: field[..<colon], as: UTF8.self).lowercased(),
                           String(decoding: trimmed(value), as: UTF8.self)))
        }
        return HTTPRequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                               version: version, headers: fields)
    }

    /// Without trailing `\r`, spaces and tabs.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex, [0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
        return bytes[..<end]
    }

    /// A `tchar` of RFC 9110 §5.6.2 (method and header names).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return tokenSymbols.contains(byte)
        }
    }

    private static let tokenSymbols = Set("!#$%&'*+-.^_`|~".utf8)
}

/// A request refused before it reaches the site: answered with its status, then the connection closes.
public enum HTTPRefusal: Error, Sendable, Equatable {
    /// 400: not an HTTP/1.x request head.
    case badRequest
    /// 414: the request line is over 8 KB.
    case uriTooLong
    /// 431: the header section is over 64 KB.
    case headersTooLarge

    /// The status code sent.
    public var status: Int {
        switch self {
        case .badRequest: 400
        case .uriTooLong: 414
        case .headersTooLarge: 431
        }
    }

    /// The plain-text body sent.
    public var message: String {
        switch self {
        case .badRequest: "bad request\n"
        case .uriTooLong: "request line over \(HTTPHeadReader.maxRequestLine) bytes\n"
        case .headersTooLarge: "headers over \(HTTPHeadReader.maxHeaderBytes) bytes\n"
        }
    }
}
