import Foundation

/// Finds a project as git finds a repository: the folder holding `dbag.yml`,
/// the given one or the nearest above it.
public enum ProjectLocator {
    /// The nearest folder at or above `start` that holds `dbag.yml`, or nil.
    public static func find(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("dbag.yml").path) { return folder }
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
