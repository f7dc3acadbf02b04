import Foundation

/// An HTTP/1.1 response read as its bytes arrive: the head (status and headers, at most
/// 64 KB), then a body by `Content-Length`, chunked, or until the connection closes, kept
/// only up to `limit` bytes: past it, reading stops with an error, so memory stays bounded.
struct HTTPResponseReader {
    enum Body { case length(Int), chunkSize, chunkData(Int), chunkEnd, trailer, untilClose, done }

    let limit: Int
    let overLimit: CollectError
    private(set) var status: Int?
    private(set) var headers: [String: String] = [:]
    private(set) var body = Data()
    private var pending = Data()
    private var state = Body.done
    private var inHead = true

    init(limit: Int, overLimit: CollectError) {
        self.limit = limit
        self.overLimit = overLimit
    }

    /// Whether the whole response has been read.
    var isComplete: Bool {
        if inHead { return false }
        if case .done = state { return true }
        return false
    }

    /// Adds received bytes.
    mutating func feed(_ bytes: Data) throws(CollectError) {
        pending.append(bytes)
        if inHead { try readHead() }
        if !inHead { try readBody() }
    }

    /// The connection closed: fine for a body read until close, else a cut-off response.
    mutating func finish() throws(CollectError) {
        if inHead { throw CollectError("the server closed the connection before answering") }
        if case .untilClose = state { state = .done; return }
        if !isComplete { throw CollectError("the server closed the connection in the middle of the body") }
    }

    private mutating func readHead() throws(CollectError) {
        guard let end = pending.firstRange(of: Data("\r\n\r\n".utf8)) else {
            if pending.count > 65_536 { throw CollectError("the response's headers are over 64 KB") }
            return
        }
        let lines = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        pending = Data(pending[end.upperBound...])
        let statusWords = lines.first?.split(separator: " ") ?? []
        guard statusWords.count >= 2, statusWords[0].hasPrefix("HTTP/1."), let code = Int(statusWords[1]) else {
            throw CollectError("the answer is not HTTP/1.x")
        }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        status = code
        inHead = false
        if (100..<200).contains(code) || code == 204 || code == 304 {
            state = .done
        } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            state = .chunkSize
        } else if let length = headers["content-length"].flatMap({ Int($0) }) {
            guard length <= limit else { throw overLimit }
            state = length == 0 ? .done : .length(length)
        } else {
            state = .untilClose
        }
    }

    private mutating func readBody() throws(CollectError) {
        while !pending.isEmpty {
            switch state {
            case .done:
                pending.removeAll()
            case .untilClose:
                try keep(pending.count)
            case .length(let left):
                let taken = min(left, pending.count)
                try keep(taken)
                state = left == taken ? .done : .length(left - taken)
            case .chunkSize:
                guard let line = try takeLine() else { return }
                let hex = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                guard let size = Int(hex, radix: 16), size >= 0 else { throw CollectError("the chunked body is malformed") }
                guard size <= limit - body.count else { throw overLimit }
                state = size == 0 ? .trailer : .chunkData(size)
            case .chunkData(let left):
                let taken = min(left, pending.count)
                try keep(taken)
                state = left == taken ? .chunkEnd : .chunkData(left - taken)
            case .chunkEnd:
                guard try takeLine() != nil else { return }
                state = .chunkSize
            case .trailer:
                guard let line = try takeLine() else { return }
                if line.isEmpty { state = .done }
            }
        }
    }

    /// Moves `count` bytes from the front of `pending` into the body, within the limit.
    private mutating func keep(_ count: Int) throws(CollectError) {
        guard body.count + count <= limit else { throw overLimit }
        body.append(pending.prefix(count))
        pending = Data(pending.dropFirst(count))
    }

    /// One CRLF-terminated line from `pending`, or nil until it has arrived; such lines are short.
    private mutating func takeLine() throws(CollectError) -> String? {
        guard let end = pending.firstRange(of: Data("\r\n".utf8)) else {
            if pending.count > 8_192 { throw CollectError("the chunked body is malformed") }
            return nil
        }
        let line = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self)
        pending = Data(pending[end.upperBound...])
        return line
    }
}
