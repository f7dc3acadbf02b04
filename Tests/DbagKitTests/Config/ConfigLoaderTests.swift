import Foundation
import Testing
@testable import DbagKit

@Suite struct ConfigLoaderTests {
    static func errors(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(yaml, directory: URL(fileURLWithPath: "/tmp/project"))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func malformedYAMLNamesTheLine() {
        let errors = Self.errors("title: x\nmetrics:\n  a: [1, 2\n  b: 3\n")
        #expect(errors == ["dbag.yml:3:6: error: the '[' on line 3 is never closed: add ']' at the end of that line"])
    }

    /// NEL, LS and PS break lines for the YAML parser but not in the file: errors
    /// after them keep the file's line and column.
    @Test func unicodeLineSeparatorsKeepErrorsOnTheFilesLine() {
        let errors = Self.errors("title: \"a\u{2028}b\u{85}c\"\nmetrics:\n  a:\n    nmae: A\n")
        #expect(errors == ["dbag.yml:4:5: error: unknown key 'nmae' in metric 'a' (did you mean 'name'?)"])
        let sameLine = Self.errors("title: \"a\u{2028}b\", metrics: 1\n")
        #expect(sameLine.allSatisfy { $0.hasPrefix("dbag.yml:1:") })
    }

    @Test(arguments: [
        ("title: x\nmetrics:\n  a:\n    name: A\n      unit: x\n",
         "dbag.yml:5:7: error: line 5 is indented deeper than line 4 ('name:'), which already has a value: start 'unit:' at column 5, in line with 'name:'"),
        ("title: x\nmetrics:\n  a:\n    name: A\n   unit: x\n    good: up\n",
         "dbag.yml:5:4: error: line 5 is indented 3 spaces, but the keys above it start at 4: line 'unit:' up with them (4 spaces), or with a key further left"),
        ("title: x\n metrics:\n  a:\n",
         "dbag.yml:2:2: error: line 2 is indented deeper than line 1 ('title:'), which already has a value: start 'metrics:' at column 1, in line with 'title:'"),
        ("metrics:\n  a:\n    collect: { command: \"x\"\n  b:\n",
         "dbag.yml:3:14: error: the '{' on line 3 is never closed: add '}' at the end of that line"),
        ("title: a: b\n", "dbag.yml:1:9: error: line 1 has a second ': ' in a value: put the value in quotes, as key: \"a: b\""),
        ("metrics:\n\ta:\n", "dbag.yml:2:1: error: line 2 is indented with a tab: YAML indents with spaces only"),
    ])
    func misindentedLinesAreNamedInPlainWords(_ yaml: String, _ expected: String) {
        let errors = Self.errors(yaml)
        #expect(errors == [expected])
        #expect(!errors.joined().contains("not allowed in this context"))
    }

    @Test(arguments: [
        ("/", "/"), ("/metrics", "/metrics/"), ("https://example.org", "https://example.org/"),
        ("https://acme.github.io/metrics/", "https://acme.github.io/metrics/"),
    ])
    func baseURLsThatArePublicAddresses(_ text: String, _ expected: String) throws {
        #expect(try Config.validatedBaseURL(text) == expected)
    }

    @Test func aBadBaseURLIsALocatedError() {
        for bad in ["./", "file:///home/me/site", "metrics/", "https://", "https://x.org/a?b=1"] {
            let errors = Self.errors("title: x\nbase_url: \"\(bad)\"\n")
            #expect(errors.count == 1 && errors[0].hasPrefix("dbag.yml:2:11: error: '\(bad)'"), "\(bad): \(errors)")
        }
    }

    @Test func unknownKeySuggestsTheNearest() {
        #expect(Self.errors("""
            metrics:
              a:
                colect: { command: "echo 1" }
            """) == ["dbag.yml:3:5: error: unknown key 'colect' in metric 'a' (did you mean 'collect'?)"])
    }

    @Test func badSlug() {
        #expect(Self.errors("metrics:\n  Active_Users:\n    unit: x\n")
            == ["dbag.yml:2:3: error: metric slug 'Active_Users' must use only a-z, 0-9 and '-'"])
    }

    @Test func twoCollectorsOnOneMetric() {
        #expect(Self.errors("""
            metrics:
              a:
                collect: { command: "echo 1", http: "https://example.com" }
            """) == ["dbag.yml:3:14: error: metric 'a' has two collectors (command and http): use one"])
        #expect(Self.errors("""
            sources:
              app: { sqlite: app.db }
            metrics:
              a:
                series: { source: app, sql: "SELECT 1" }
                collect: { command: "echo 1" }
            """) == ["dbag.yml:6:14: error: metric 'a' has two collectors: use either collect or series"])
    }

    @Test func unknownSource() {
        #expect(Self.errors("""
            sources:
              app: { sqlite: app.db }
            metrics:
              a:
                collect: { source: ap, sql: "SELECT 1" }
            """) == ["dbag.yml:5:24: error: unknown source 'ap' (did you mean 'app'?)"])
    }

    @Test func badTimeout() {
        #expect(Self.errors("""
            metrics:
              a:
                collect: { command: "echo 1", timeout: soon }
            """) == ["dbag.yml:3:44: error: 'timeout' must be a duration such as 30s, 5m, 2h or 2d, not 'soon'"])
    }

    @Test func collectorsParse() throws {
        let config = try ConfigLoader.parse("""
            sources:
              app: { sqlite: app.db }
            metrics:
              a: { collect: { source: app, sql: "SELECT 1", timeout: 2m } }
              b: { collect: { command: "echo 1", timeout: 500ms } }
              c: { collect: { http: "https://example.com/x", json: a.b } }
              d:
            """, directory: URL(fileURLWithPath: "/tmp/project"))
        #expect(config.metrics.map(\.kind) == ["sql", "command", "http", "pushed"])
        #expect(config.metric("a")?.query?.timeout == 120)
        #expect((config.metric("b")?.collector as? CommandCollector)?.timeout == 0.5)
        #expect((config.metric("c")?.collector as? HTTPCollector)?.path == JSONPath("a.b"))
        #expect(config.sources["app"]?.path == "/tmp/project/app.db")
    }
}
