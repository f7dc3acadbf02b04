import Foundation

/// One Markdown file under dashboards/.
public struct DashboardSource: Sendable, Hashable {
    /// Path under dashboards/, e.g. `customers/[customer].md`.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The path as shown in diagnostics: `dashboards/…`.
    public var displayPath: String { "dashboards/" + path }

    /// For a template (`[customer].md`) its parameter (`customer`), else nil.
    public var templateParameter: String? {
        let name = (path as NSString).lastPathComponent
        guard name.hasPrefix("["), name.hasSuffix("].md"), name.count > 5 else { return nil }
        return String(name.dropFirst().dropLast(4))
    }

    /// The folder of the file under dashboards/ (`customers/`), or `""`.
    public var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "" : folder + "/"
    }

    /// Every `.md` file below a folder, sorted by path; hidden files and folders skipped.
    /// A file that a symlink leads outside `project` (by default the folder's parent) is an error.
    public static func load(from directory: URL, project: URL? = nil) throws(Diagnostic) -> [DashboardSource] {
        let base = directory.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic("no dashboards/ folder: write dashboards/index.md to have a home page", file: "dashboards")
        }
        var sources: [DashboardSource] = []
        let walker = FileManager.default.enumerator(atPath: base)
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix(".md"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            try ProjectPath.refuseOutside(base + "/" + relative, project: project ?? directory.deletingLastPathComponent(),
                                          shown: "dashboards/" + relative)
            var info = stat()
            if stat(base + "/" + relative, &info) == 0, let tooBig = PageLimits.sizeError(bytes: Int(info.st_size), file: "dashboards/" + relative) {
                throw tooBig
            }
            guard let data = FileManager.default.contents(atPath: base + "/" + relative) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Diagnostic("not UTF-8 text", file: "dashboards/" + relative)
            }
            sources.append(DashboardSource(path: relative, text: text))
        }
        return sources.sorted { $0.path < $1.path }
    }
}
