import Foundation

/// A build never writes over the data it reads: the store and the SQLite
/// sources must lie outside the output folder.
extension Config {
    /// An error, at its line in dbag.yml, for the store and each SQLite source inside `output`.
    public func dataInside(output: URL) -> [Diagnostic] {
        let folder = output.standardizedFileURL.resolvingSymlinksInPath().path
        func inside(_ path: String) -> Bool {
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            return resolved == folder || resolved.hasPrefix(folder == "/" ? "/" : folder + "/")
        }
        let shown = OutputWriter.displayPath(folder)
        var errors: [Diagnostic] = []
        if inside(storePath) {
            let message = "the store \(storePath) lies inside the output folder \(shown), and a build never writes where it reads: move the store (`store:`) or build elsewhere (--out)"
            errors.append(pathLocations["store"].map { Diagnostic(message, at: $0) } ?? Diagnostic(message, file: "dbag.yml"))
        }
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            guard let path = source.path, inside(path) else { continue }
            let message = "source '\(source.name)' (\(path)) lies inside the output folder \(shown), and a build never writes where it reads: move it or build elsewhere (--out)"
            errors.append(pathLocations["sources." + source.name].map { Diagnostic(message, at: $0) } ?? Diagnostic(message, file: "dbag.yml"))
        }
        return errors
    }

    /// The output folder when `--out` is not given: `site/` in the project.
    public var defaultOutput: URL {
        directory.appendingPathComponent("site", isDirectory: true)
    }
}
