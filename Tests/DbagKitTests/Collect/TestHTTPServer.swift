import Foundation
import Testing

/// `python3 -m http.server` on 127.0.0.1 and a free port, serving a temp folder; or,
/// given a `program`, that Python program (it binds 127.0.0.1:0 and prints `port N`).
final class TestHTTPServer {
    let process = Process()
    let root: ScratchProject
    private(set) var port = 0

    init(program: String? = nil) throws {
        root = try ScratchProject()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        if let program {
            try root.write("server.py", program)
            process.arguments = ["python3", "-u", root.directory.appendingPathComponent("server.py").path]
        } else {
            process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root.path]
        }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while port == 0, Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "port "), let number = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                port = number
            }
        }
        if port == 0 {
            process.terminate()
            throw CancellationError()
        }
    }

    deinit {
        // Not waitUntilExit(): it spins a run loop that may never see the exit here.
        process.terminate()
    }

    /// Serves `text` at `/name`.
    func serve(_ name: String, _ text: String) throws {
        try root.write(name, text)
    }

    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }
}
