import Foundation
import Testing
@testable import DbagKit

/// `timezone`, `alert`, `per` and `base_url`: what a valid value becomes, and the
/// located error for a bad one.
@Suite struct ConfigFieldTests {
    static func parse(_ yaml: String) throws -> Config {
        try ConfigLoader.parse(yaml, directory: URL(fileURLWithPath: "/tmp/project"))
    }

    @Test func timezoneIsAnIANAName() throws {
        #expect(try Self.parse("title: x\n").timeZone.identifier == "GMT")
        #expect(try Self.parse("timezone: Europe/Paris\n").timeZone.identifier == "Europe/Paris")
        #expect(try Self.parse("timezone: America/New_York\n").timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) == -5 * 3600)
    }

    @Test(arguments: [
        ("timezone: Mars/Olympus\n", "dbag.yml:1:11: error: unknown timezone 'Mars/Olympus' (use an IANA name such as UTC or Europe/Paris)"),
        ("title: x\ntimezone: \"\"\n", "dbag.yml:2:11: error: unknown timezone '' (use an IANA name such as UTC or Europe/Paris)"),
        ("timezone: [UTC]\n", "dbag.yml:1:11: error: 'timezone' must be a single value"),
    ])
    func aBadTimezoneIsALocatedError(_ yaml: String, _ expected: String) {
        #expect(ConfigLoaderTests.errors(yaml) == [expected])
    }

    @Test func alertsKeepTheirBounds() throws {
        let config = try Self.parse("""
            metrics:
              low: { alert: { below: 10 } }
              band: { alert: { below: -2.5, above: 1e6 } }
              none: {}
            """)
        #expect(config.metric("low")?.alert == Alert(below: 10, above: nil))
        #expect(config.metric("band")?.alert == Alert(below: -2.5, above: 1_000_000))
        #expect(config.metric("none")?.alert == nil)
    }

    @Test(arguments: [
        ("alert: {}", ["dbag.yml:3:12: error: alert of 'm' needs below or above"]),
        ("alert: { under: 3 }", ["dbag.yml:3:14: error: unknown key 'under' in alert of 'm'",
                                 "dbag.yml:3:12: error: alert of 'm' needs below or above"]),
        ("alert: { below: low }", ["dbag.yml:3:21: error: 'below' must be a number, not 'low'"]),
        ("alert: 5", ["dbag.yml:3:12: error: alert of 'm' must be a mapping of keys to values"]),
    ])
    func aBadAlertIsALocatedError(_ line: String, _ expected: [String]) {
        #expect(ConfigLoaderTests.errors("metrics:\n  m:\n    \(line)\n") == expected)
    }

    @Test func perNamesTheObjectKind() throws {
        let config = try Self.parse("metrics:\n  comments: { per: customer }\n  signups: {}\n  b: { per: build-host-2 }\n")
        #expect(config.metric("comments")?.per == "customer")
        #expect(config.metric("signups")?.per == nil)
        #expect(config.metric("b")?.per == "build-host-2")
    }

    @Test(arguments: [
        ("per: Customer", "dbag.yml:3:10: error: 'per' must be a name such as customer (a-z, 0-9, '-'), not 'Customer'"),
        ("per: \"a b\"", "dbag.yml:3:10: error: 'per' must be a name such as customer (a-z, 0-9, '-'), not 'a b'"),
        ("per: \"\"", "dbag.yml:3:10: error: 'per' must be a name such as customer (a-z, 0-9, '-'), not ''"),
    ])
    func aBadPerIsALocatedError(_ line: String, _ expected: String) {
        #expect(ConfigLoaderTests.errors("metrics:\n  m:\n    \(line)\n") == [expected])
    }

    @Test func baseURLIsNormalisedWhenLoaded() throws {
        #expect(try Self.parse("title: x\n").baseURL == "/")
        #expect(try Self.parse("base_url: /metrics\n").baseURL == "/metrics/")
        #expect(try Self.parse("base_url: https://acme.github.io/metrics\n").baseURL == "https://acme.github.io/metrics/")
    }

    @Test func aBadBaseURLNamesWhy() {
        let errors = ConfigLoaderTests.errors("title: x\nbase_url: \"file:///home/me/site\"\n")
        #expect(errors == ["dbag.yml:2:11: error: 'file:///home/me/site' is a file URL, not a public address: links inside the site are relative, so site/index.html opens from disk as it is (leave base_url out)"])
    }
}
