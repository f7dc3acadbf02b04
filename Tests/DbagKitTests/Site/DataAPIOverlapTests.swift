import Foundation
import Testing
@testable import DbagKit

/// The data API is written while pages render: the site is the same, and a
/// failure on either side still fails the build.
@Suite struct DataAPIOverlapTests {
    /// A sink that refuses files under one folder, keeping the rest in memory.
    final class RefusingSink: SiteSink, @unchecked Sendable {
        let refused: String
        let kept = MemorySink()

        init(refusing refused: String) { self.refused = refused }

        func write(_ file: OutputFile) throws {
            if file.path.hasPrefix(refused) { throw Diagnostic("refused \(file.path)") }
            try kept.write(file)
        }

        func append(_ bytes: [UInt8], to path: String) throws {
            if path.hasPrefix(refused) { throw Diagnostic("refused \(path)") }
            try kept.append(bytes, to: path)
        }
    }

    func project() throws -> TestProject {
        let project = try TestProject("""
            -- dbag.yml --
            metrics:
              comments: { per: customer }
            -- dashboards/customers/[customer].md --
            ::chart{metric=comments}
            """)
        try project.store(daily("comments", key: "acme") + daily("comments", key: "globex", step: 2))
        return project
    }

    @Test func everyPageAndDataFileArrives() throws {
        let project = try project()
        defer { project.remove() }
        let files = try project.build()
        #expect(files["customers/acme/index.html"]?.contains("<svg") == true)
        #expect(files["data/comments.csv"]?.split(separator: "\n").count == 121)
        #expect(files["data/all.csv"] == files["data/comments.csv"])
        #expect(files["data/comments.json"]?.contains("\"key\": \"globex\"") == true)
    }

    @Test(arguments: ["data/", "customers/"]) func aRefusedFileFailsTheBuild(_ refused: String) throws {
        let project = try project()
        defer { project.remove() }
        let builder = SiteBuilder(config: try project.config(), now: Date(timeIntervalSince1970: 1_764_000_000))
        let prepared = try builder.prepare()
        #expect(throws: Diagnostic.self) { try builder.emit(prepared, to: RefusingSink(refusing: refused)) }
    }
}
