import Foundation
import Mustache

/// A theme: Mustache templates (`page.mustache` and partials) and static assets.
public struct Theme: Sendable {
    public var name: String
    /// Template name (path without `.mustache`) → source.
    public var templates: [String: String]
    /// Asset path inside the theme (e.g. `assets/style.css`) → bytes, copied as they are.
    public var assets: [String: Data]

    public init(name: String, templates: [String: String], assets: [String: Data]) {
        self.name = name
        self.templates = templates
        self.assets = assets
    }

    /// Builds a theme from its files by relative path.
    public init(name: String, files: [String: Data]) {
        var templates: [String: String] = [:]
        var assets: [String: Data] = [:]
        for (path, data) in files {
            if path.hasSuffix(".mustache") {
                templates[String(path.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
            } else {
                assets[path] = data
            }
        }
        self.init(name: name, templates: templates, assets: assets)
    }

    /// The project's `themes/NAME/` when present, else the built-in theme of that name.
    public static func load(named name: String, project: URL) throws(Diagnostic) -> Theme {
        let folder = project.appendingPathComponent("themes/\(name)", isDirectory: true)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("page.mustache").path) {
            return Theme(name: name, files: try readFiles(in: folder, project: project))
        }
        if name == BuiltinTheme.name {
            return BuiltinTheme.theme
        }
        throw Diagnostic("unknown theme '\(name)': no themes/\(name)/page.mustache in the project, and the built-in theme is '\(BuiltinTheme.name)'", file: "dbag.yml")
    }

    /// Every file below a folder, by relative path; hidden files skipped. With a
    /// `project`, a file that a symlink leads outside it is an error.
    static func readFiles(in folder: URL, project: URL? = nil) throws(Diagnostic) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = walker.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = base + "/" + relative
            if let project {
                try ProjectPath.refuseOutside(path, project: project, shown: "themes/\(folder.lastPathComponent)/\(relative)")
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                files[relative] = data
            }
        }
        return files
    }

    /// Compiles the templates; a syntax error names the template file.
    public func library() throws(Diagnostic) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch {
                throw Diagnostic("template error: \(error)", file: "themes/\(self.name)/\(name).mustache")
            }
        }
        guard library.getTemplate(named: "page") != nil else {
            throw Diagnostic("theme '\(self.name)' has no page.mustache", file: "themes/\(self.name)")
        }
        return library
    }
}

/// The theme that ships inside the dbag binary (a copy of themes/default).
public enum BuiltinTheme {
    public static let name = "default"

    /// The built-in theme, decoded from the embedded files.
    public static var theme: Theme {
        var files: [String: Data] = [:]
        for (path, encoded) in BuiltinTheme.files {
            files[path] = Data(base64Encoded: encoded) ?? Data()
        }
        return Theme(name: name, files: files)
    }
}
