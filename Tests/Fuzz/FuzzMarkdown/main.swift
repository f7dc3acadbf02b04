// libFuzzer target: a dashboard's whole render path. The bytes are a page:
// front matter, directive scanner, cmark, validator, then (when it validates,
// as a build requires) every directive drawn over a small fixed data set, once
// as a plain page and once as a template page for an object.
@testable import DbagKit
import CLibFuzzer
import Foundation

// The demo project's metrics (dbag.yml) without collectors, so its dashboards are valid seeds.
let project = """
    title: Fuzz
    metrics:
      active-users: { name: Active users, unit: users, alert: { below: 10 } }
      login-rate: { format: percent }
      signups: { unit: signups, aggregate: sum }
      comments: { name: Comments, per: customer }
      seats: { name: Seats, per: customer }
      build-seconds: { format: duration, good: down, aggregate: avg }
      revenue: { format: currency }
      store-size: { format: bytes, good: neutral }
      swift-files: { unit: files }
      commits: { unit: commits }
    """

let config: Config = {
    do { return try ConfigLoader.parse(project, directory: URL(fileURLWithPath: "/nonexistent")) } catch {
        print("FuzzMarkdown: the fixed project does not load: \(error)")
        exit(2)
    }
}()
let end = Day("2025-12-31") ?? Day(ordinal: 0)
let data: SiteData = {
    var series: [String: [String: [DayValue]]] = [:]
    for (i, slug) in ["active-users", "login-rate", "signups", "build-seconds", "revenue", "store-size", "swift-files"].enumerated() {
        series[slug] = ["": (0..<400).map { DayValue(day: end.advanced(by: $0 - 399), value: Double(i * 40 + $0 % 23) / 3) }]
    }
    series["commits"] = ["": [DayValue(day: end, value: 1e300), DayValue(day: end.advanced(by: -3), value: -0.0)]]
    series["comments"] = ["acme": (0..<30).map { DayValue(day: end.advanced(by: $0 - 29), value: Double($0)) },
                          "zeta": [DayValue(day: end, value: -1e12)]]
    series["seats"] = ["acme": [DayValue(day: end.advanced(by: -1), value: 12)]]
    return SiteData(series: series, labels: ["comments": ["acme": "Acme <Inc>"]])
}()
let slugs = Set(config.metrics.map(\.slug))
let scopes = [PageScope(), PageScope(parameter: "customer", key: "acme", label: "Acme <Inc>")]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
    let (page, diagnostics) = MarkdownPage.parse(text, file: "dashboards/fuzz.md", unsafeHTML: size % 2 == 0)
    let errors = diagnostics + page.validate(metrics: slugs)
    guard errors.isEmpty else { return 0 }
    let markdown = page.renderMarkdown { Routes.rewriteLink($0, fromDashboard: "team/fuzz.md", pageURLPath: "team/fuzz/") }
    for scope in scopes {
        let renderer = DirectiveRenderer(config: config, data: data, scope: scope, now: end.date,
                                         objectURLs: ["customer": ["acme": "/customers/acme/"]])
        let html = PageText.substitute(markdown, scope: scope, escape: true)
        _ = page.substitute(in: html) { directive in
            var directive = directive
            for index in directive.attributes.indices {
                directive.attributes[index].value = PageText.substitute(directive.attributes[index].value, scope: scope, escape: false)
            }
            return renderer.render(directive)
        }
    }
    return 0
}

exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))
