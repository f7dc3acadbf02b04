import Foundation
import Testing
@testable import DbagKit

@Suite struct EventsTargetsConfigTests {
    func parse(_ text: String) throws(DiagnosticList) -> Config {
        try ConfigLoader.parse(text, directory: URL(fileURLWithPath: "/tmp/p"))
    }

    @Test func eventsTargetsMissingCategoryAndShowQueriesAreRead() throws {
        let config = try parse("""
        show_queries: true
        metrics:
          signups: { target: 500, missing: zero, category: Growth }
          seats: { target: { value: 1200, by: 2026-12-31 }, missing: carry }
          plain:
        events:
          - { day: 2026-03-01, label: Launch }
          - { day: 2026-04-02, label: "Deploy <v2>", metrics: [signups, seats] }
        """)
        #expect(config.showQueries)
        #expect(config.metric("signups")?.target == MetricTarget(value: 500))
        #expect(config.metric("signups")?.missing == .zero)
        #expect(config.metric("signups")?.category == "Growth")
        #expect(config.metric("seats")?.target == MetricTarget(value: 1200, by: Day("2026-12-31")))
        #expect(config.metric("seats")?.missing == .carry)
        #expect(config.metric("plain")?.missing == .gap)
        #expect(config.metric("plain")?.target == nil)
        #expect(config.events == [ChartEvent(day: try #require(Day("2026-03-01")), label: "Launch"),
                                  ChartEvent(day: try #require(Day("2026-04-02")), label: "Deploy <v2>", metrics: ["signups", "seats"])])
        #expect(!(try parse("metrics: {}")).showQueries)
    }

    @Test(arguments: [
        ("metrics:\n  a: { missing: blank }", "dbag.yml:2:17: error: 'missing' must be one of gap, zero, carry, not 'blank'"),
        ("metrics:\n  a: { target: lots }", "dbag.yml:2:16: error: 'target' must be a number, not 'lots'"),
        ("metrics:\n  a: { target: { by: 2026-01-01 } }", "dbag.yml:2:16: error: target of 'a' needs a value ({ value: 500, by: 2026-12-31 })"),
        ("metrics:\n  a: { target: { value: 5, by: soon } }", "dbag.yml:2:32: error: 'by' must be a day as YYYY-MM-DD, not 'soon'"),
        ("metrics:\n  a:\nevents:\n  - { day: 2026-13-01, label: X }", "dbag.yml:4:12: error: an event's day must be YYYY-MM-DD, not '2026-13-01'"),
        ("metrics:\n  a:\nevents:\n  - { day: 2026-01-01 }", "dbag.yml:4:5: error: an event needs a day and a label ({ day: 2026-03-01, label: Launch })"),
        ("metrics:\n  abc:\nevents:\n  - { day: 2026-01-01, label: X, metrics: [abd] }", "dbag.yml:4:44: error: unknown metric 'abd' in an event (did you mean 'abc'?)"),
        ("events: { day: 2026-01-01 }", "dbag.yml:1:9: error: events must be a list of { day, label, metrics }"),
    ])
    func mistakesAreLocated(_ text: String, _ message: String) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.diagnostics.map(\.description).contains(message), "\(error.diagnostics.map(\.description))")
        }
    }
}
