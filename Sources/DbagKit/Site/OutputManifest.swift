import Foundation

/// The list of files dbag wrote into an output folder, kept in the folder as
/// `.dbag-manifest`: a later build replaces or removes only these, and keeps
/// every other file where it is.
struct OutputManifest {
    /// The manifest's file name at the top of the output folder.
    static let name = ".dbag-manifest"
    static let header = "# Files written by dbag build. Files not listed here are not dbag's: builds keep them."

    /// Paths relative to the output folder.
    var paths: Set<String>

    /// The manifest of an output folder; empty when there is none (nothing in it is dbag's).
    static func read(in folder: String) -> OutputManifest {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return OutputManifest(paths: []) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return OutputManifest(paths: Set(lines.filter { !$0.hasPrefix("#") && OutputFile.isSafe(String($0)) }.map(String.init)))
    }

    /// The manifest's text: one path a line, sorted, so unchanged builds write the same bytes.
    var text: String {
        ([Self.header] + paths.sorted()).joined(separator: "\n") + "\n"
    }
}
