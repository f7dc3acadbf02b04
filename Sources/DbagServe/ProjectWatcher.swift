import Foundation

/// Notices edits to a project by polling: a fingerprint (modification time,
/// size and file number) of `dbag.yml`, every file under `dashboards/` and
/// `themes/`, and the store with its `-wal` file. Hidden files (editor swap
/// files) are ignored. Polling is simple and works on every platform.
public struct ProjectWatcher: Sendable {
    /// One watched file's state.
    struct Stamp: Sendable, Equatable {
        var modified: Date?
        var size: Int?
        var fileNumber: Int?
    }

    /// The project folder (holding dbag.yml).
    public var projectDirectory: URL
    /// The store's absolute path; update it when dbag.yml moves the store.
    public var storePath: String {
        didSet { if storePath != oldValue { last = fingerprint() } }
    }
    private var last: [String: Stamp] = [:]

    /// Starts watching; the current state is the baseline.
    public init(projectDirectory: URL, storePath: String) {
        self.projectDirectory = projectDirectory
        self.storePath = storePath
        last = fingerprint()
    }

    /// Whether anything changed since the last call (or since `init`).
    public mutating func changed() -> Bool {
        let now = fingerprint()
        defer { last = now }
        return now != last
    }

    /// The watched files and their stamps; missing files are simply absent.
    func fingerprint() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let files = [projectDirectory.appendingPathComponent("dbag.yml").path, storePath, storePath + "-wal"]
        for file in files {
            if let stamp = Self.stamp(atPath: file) { stamps[file] = stamp }
        }
        for folder in ["dashboards", "themes"] {
            let root = projectDirectory.appendingPathComponent(folder, isDirectory: true)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil,
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                if let stamp = Self.stamp(atPath: url.path) { stamps[url.path] = stamp }
            }
        }
        return stamps
    }

    static func stamp(atPath path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return Stamp(modified: attributes[.modificationDate] as? Date,
                     size: (attributes[.size] as? NSNumber)?.intValue,
                     fileNumber: (attributes[.systemFileNumber] as? NSNumber)?.intValue)
    }
}
