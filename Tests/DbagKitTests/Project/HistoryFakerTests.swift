import Foundation
import Testing
@testable import DbagKit

@Suite struct HistoryFakerTests {
    let config: Config

    init() throws {
        config = try ConfigLoader.parse("""
            metrics:
              users: { format: number }
              login-rate: { format: percent }
              build-seconds: { format: duration, good: down }
              revenue: { format: currency, per: customer }
              storage: { format: bytes }
              off: { active: false }
              computed: { series: { source: app, sql: "SELECT 1" } }
            sources:
              app: { sqlite: app.db }
            """, directory: URL(fileURLWithPath: "/tmp"))
    }

    @Test func sameSeedSameHistory() throws {
        let day = try #require(Day("2026-06-01"))
        let a = HistoryFaker(seed: 42, days: 365, lastDay: day).history(for: HistoryFaker.metrics(in: config))
        let b = HistoryFaker(seed: 42, days: 365, lastDay: day).history(for: HistoryFaker.metrics(in: config))
        let c = HistoryFaker(seed: 43, days: 365, lastDay: day).history(for: HistoryFaker.metrics(in: config))
        #expect(a.values == b.values)
        #expect(a.values != c.values)
        #expect(Set(a.values.map(\.metric)) == ["users", "login-rate", "build-seconds", "revenue", "storage"])
        #expect(a.values.filter { $0.metric == "users" }.count == 365)
        #expect(a.values.map(\.day).max() == day)
        #expect(Set(a.values.filter { $0.metric == "revenue" }.map(\.key)).count == 6)
        #expect(a.labels.filter { $0.metric == "revenue" }.map(\.label).contains("Acme Corp"))
    }

    @Test func valuesFitTheirFormat() throws {
        let values = HistoryFaker(seed: 1, days: 730, lastDay: Day(ordinal: 20_000)).history(for: HistoryFaker.metrics(in: config)).values
        #expect(values.filter { $0.metric == "login-rate" }.allSatisfy { (0...1).contains($0.value) })
        #expect(values.filter { $0.metric == "build-seconds" }.allSatisfy { $0.value > 0 })
        #expect(values.allSatisfy { $0.value >= 0 && $0.value.isFinite })
    }
}
