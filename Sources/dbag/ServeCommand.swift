import ArgumentParser
import DbagKit
import DbagServe
import Dispatch
import Foundation

/// `dbag serve [--port 8000] [--host 127.0.0.1]`: a local preview with live reload.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally, rebuilding and reloading pages on every change.",
        discussion: "The site is built in memory (site/ is not written). dbag.yml, dashboards/, themes/ and the store are polled every 300 ms; a change rebuilds the whole site and open pages reload. A build error keeps the server up and every page shows the errors until the file is fixed. Ctrl-C stops it (exit 0)."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The TCP port (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on; 0.0.0.0 shares the preview with the network.")
    var host: String = "127.0.0.1"

    func run() async throws {
        let site = PreviewSite(config: try project.loadConfig())
        let first = await site.rebuild()
        if first.isFailure { Terminal.error(PreviewServer.describe(first, generation: await site.generation)) }
        let server = try await Terminal.userErrors {
            try PreviewServer(site: site, host: host, port: port) { line, isError in
                isError ? Terminal.error(line) : Self.say(line)
            }
        }
        let signals = Self.stopOnSignals(server)
        defer { signals.forEach { $0.cancel() } }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let title = await site.title, basePath = await site.basePath
        try await Terminal.userErrors {
            try await server.run { port in
                Self.say("Serving \(title) at http://\(shownHost):\(port)\(basePath) (Ctrl-C to stop)")
            }
        }
    }

    /// Prints a line unbuffered, so that it reaches a pipe at once.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// SIGINT and SIGTERM stop the server, so `run` returns and the exit status is 0.
    static func stopOnSignals(_ server: PreviewServer) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await server.stop() } }
            source.resume()
            return source
        }
    }
}
