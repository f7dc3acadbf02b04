import Foundation
import Testing

/// Compares `text`, one element per line (`snapshotLines`), with
/// `Tests/DbagKitTests/Snapshots/Charts/<name>.<ext>`; when the file is missing or
/// `DBAG_RECORD_SNAPSHOTS=1`, writes it and fails with "recorded new baseline".
/// Empty text fails: a chart that drew nothing is not a baseline.
func assertSnapshot(_ rendered: String, named name: String, extension ext: String = "svg",
                    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    guard !rendered.isEmpty else {
        Issue.record("snapshot \(name) is empty: nothing was drawn", sourceLocation: sourceLocation)
        return
    }
    let text = snapshotLines(rendered)
    let folder = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent("Charts")
    let file = folder.appendingPathComponent(name + "." + ext)
    let record = ProcessInfo.processInfo.environment["DBAG_RECORD_SNAPSHOTS"] == "1"
    if !record, let baseline = try? String(contentsOf: file, encoding: .utf8) {
        if baseline != text {
            let old = baseline.split(separator: "\n", omittingEmptySubsequences: false)
            let new = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(old, new).prefix { $0 == $1 }.count
            let was = line < old.count ? String(old[line]) : "(end)", now = line < new.count ? String(new[line]) : "(end)"
            Issue.record("snapshot \(name) differs at line \(line + 1): was \(was), now \(now); rerun with DBAG_RECORD_SNAPSHOTS=1 to accept",
                         sourceLocation: sourceLocation)
        }
        return
    }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded new baseline \(file.path)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
    }
}

/// `text` with a line break between adjacent tags (`><`), so each element starts a line
/// and a baseline's diff shows which element changed; ends with one newline.
func snapshotLines(_ text: String) -> String {
    text.replacingOccurrences(of: "><", with: ">\n<") + (text.hasSuffix("\n") ? "" : "\n")
}
