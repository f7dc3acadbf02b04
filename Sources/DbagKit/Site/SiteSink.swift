import Foundation

/// Where a build puts its files: the disk (`OutputWriter`) or memory (`MemorySink`).
/// Large files arrive in pieces through `append`, so they never sit in memory whole.
public protocol SiteSink: AnyObject, Sendable {
    /// Writes a whole file.
    func write(_ file: OutputFile) throws
    /// Adds bytes to the end of a file, creating it when new.
    func append(_ bytes: [UInt8], to path: String) throws
}

/// A sink that keeps every file in memory (for `dbag serve` and tests).
public final class MemorySink: SiteSink, @unchecked Sendable {
    private var files: [String: Data] = [:]
    private let lock = NSLock()

    public init() {}

    public func write(_ file: OutputFile) throws {
        lock.withLock { files[file.path] = file.contents }
    }

    public func append(_ bytes: [UInt8], to path: String) throws {
        lock.withLock { files[path, default: Data()].append(contentsOf: bytes) }
    }

    /// The files, sorted by path.
    public var outputFiles: [OutputFile] {
        lock.withLock { files.map { OutputFile(path: $0.key, contents: $0.value) } }.sorted { $0.path < $1.path }
    }
}

/// Bytes bound for one file, handed to a sink about a megabyte at a time.
struct ChunkedFile {
    let path: String
    let sink: any SiteSink
    private var buffer: [UInt8] = []

    init(path: String, sink: any SiteSink) {
        self.path = path
        self.sink = sink
        buffer.reserveCapacity(1 << 20)
    }

    mutating func add(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func add(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        try sink.append(buffer, to: path)
        buffer.removeAll(keepingCapacity: true)
    }
}
