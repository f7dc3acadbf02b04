import Foundation
import Testing

/// Compares `text` with `Tests/DbagKitTests/Snapshots/Charts/<name>.<ext>`; when the file is
/// missing or `DBAG_RECORD_SNAPSHOTS=1`, writes it and fails with "recorded new baseline".
func assertSnapshot(_ text: String, named name: String, extension ext: String = "svg",
                    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent("Charts")
    let file = folder.appendingPathComponent(name + "." + ext)
    let record = ProcessInfo.processInfo.environment["DBAG_RECORD_SNAPSHOTS"] == "1"
    if !record, let baseline = try? String(contentsOf: file, encoding: .utf8) {
        if baseline != text {
            let firstDifference = zip(baseline, text).prefix { $0 == $1 }.count
            Issue.record("snapshot \(name) differs at character \(firstDifference); rerun with DBAG_RECORD_SNAPSHOTS=1 to accept",
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
