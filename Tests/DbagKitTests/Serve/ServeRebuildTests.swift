@testable import DbagKit
@testable import DbagServe
import Foundation
import Testing

/// A rebuild runs off the site's actor: requests are answered from the
/// previous build while it runs.
@Suite struct ServeRebuildTests {
    @Test func aRequestDuringASlowRebuildIsAnswered() async throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        // A build-time series whose query counts to 4 million: a build of seconds.
        try project.folder.write("dbag.yml", """
        title: Serve test
        sources:
          app: { sqlite: app.db }
        metrics:
          x:
            name: X value
          slow:
            series: { source: app, sql: "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 4000000) SELECT '2024-05-01' AS day, count(*) AS value FROM c" }
        """)
        try SQLiteDatabase(path: project.folder.url.appendingPathComponent("app.db").path).execute("CREATE TABLE t (x)")
        try await withPreviewServer(project) { site, port in
            let finished = Flag()
            let rebuilding = Task {
                await site.rebuild()
                finished.set()
            }
            try await Task.sleep(for: .milliseconds(300))
            let status = try await rawGet(port, "/")
            let answeredDuringTheBuild = !finished.isSet
            await rebuilding.value
            #expect(status == 200)
            #expect(answeredDuringTheBuild, "GET / waited for the rebuild")
        }
    }
}

/// A flag set once, read from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
