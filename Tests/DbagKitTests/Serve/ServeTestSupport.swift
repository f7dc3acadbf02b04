import DbagKit
@testable import DbagServe
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small project on disk for the preview tests: one pushed metric with a value.
struct ServeProject {
    let folder: TemporaryFolder

    init(baseURL: String = "/") throws {
        folder = try TemporaryFolder()
        try folder.write("dbag.yml", """
        title: Serve test
        base_url: \(baseURL)
        metrics:
          x:
            name: X value
        """)
        try folder.write("dashboards/index.md", ServeProject.home(text: "Hello from the first build."))
        try save(value: 42)
    }

    static func home(text: String) -> String {
        "# Home\n\n\(text)\n\n::stat{metric=x}\n"
    }

    var storePath: String { folder.url.appendingPathComponent(".dbag/metrics.sqlite").path }

    func save(value: Double) throws {
        let day = try #require(Day(year: 2024, month: 5, day: 1))
        try MetricStore(path: storePath).save([StoredValue(metric: "x", day: day, value: value)])
    }

    func config() throws -> Config {
        try ConfigLoader.load(projectDirectory: folder.url)
    }
}

/// Runs `body` against a preview server on a free port, then stops it.
func withPreviewServer(_ project: ServeProject, _ body: (PreviewSite, UInt16) async throws -> Void) async throws {
    let site = PreviewSite(config: try project.config())
    await site.rebuild()
    let server = try PreviewServer(site: site, port: 0, pollInterval: .milliseconds(100), debounce: .milliseconds(50))
    let running = Task { try await server.run() }
    do {
        let port = try await server.waitUntilListening()
        try await body(site, port)
    } catch {
        await server.stop()
        running.cancel()
        throw error
    }
    await server.stop()
    try await running.value
}

/// One HTTP answer, as a test sees it.
struct Fetched {
    var status: Int
    var contentType: String
    var text: String
}

/// GETs a path (URLSession normalises `..`, so traversal goes through ``rawGet``).
func fetch(_ port: UInt16, _ path: String) async throws -> Fetched {
    let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
    var request = URLRequest(url: url)
    request.timeoutInterval = 15
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return Fetched(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                   text: String(decoding: data, as: UTF8.self))
}

/// Sends `GET <target>` exactly as written over a plain TCP socket and returns
/// the status code of the answer.
func rawGet(_ port: UInt16, _ target: String) async throws -> Int {
    try await RawHTTP.exchange(port, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").status
}
