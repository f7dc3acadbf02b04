import Testing
@testable import DbagKit

extension Charts {
    /// Words and numbers on pages: singular units, one style per column, one-point sparklines.
    @Suite struct NumberWordsTests {
        @Test(arguments: [
            ("deploys", "deploy"), ("files", "file"), ("dashboard files", "dashboard file"), ("entries", "entry"),
            ("boxes", "box"), ("matches", "match"), ("classes", "class"), ("s", "s"), ("ms", "ms"), ("status", "status"),
            ("users", "user"), ("kg", "kg"), ("", ""), ("Mbps", "Mbps"),
        ])
        func simpleSingulars(_ plural: String, _ singular: String) {
            #expect(Plural.singular(of: plural) == singular)
        }

        @Test func oneTakesTheSingular() {
            let deploys = ValueFormatter(unit: "deploys")
            #expect(deploys.string(1) == "1 deploy")
            #expect(deploys.string(2) == "2 deploys")
            #expect(deploys.string(1.5) == "1.5 deploys")
            #expect(deploys.string(0) == "0 deploys")
            #expect(ValueFormatter(unit: "people", unitOne: "person").string(1) == "1 person")
        }

        @Test func declaredSingularIsRead() throws {
            let project = try TestProject("""
                -- dbag.yml --
                metrics:
                  deploys:
                    unit: { one: deploy, other: deploys }
                  people:
                    unit: { one: person, other: people }
                """)
            defer { project.remove() }
            let config = try project.config()
            #expect(config.metric("deploys")?.unitOne == "deploy")
            #expect(config.metric("people")?.unit == "people")
        }

        @Test func aColumnUsesOneStyle() {
            let money = ValueFormatter(format: .currency)
            #expect(money.columnStrings([22_400, 14_000, 8_612]) == ["$22.4k", "$14.0k", "$8.6k"])
            let comments = ValueFormatter(unit: "comments")
            #expect(comments.columnStrings([14_100, 7_721], withUnit: false) == ["14.1k", "7.7k"])
            #expect(comments.columnStrings([3_951, 1, 450]) == ["3,951 comments", "1 comment", "450 comments"])
            #expect(ValueFormatter(format: .percent).columnStrings([0.452, 0.0012]) == ["45.20%", "0.12%"])
            #expect(ValueFormatter(format: .bytes).columnStrings([1.2e9, 3e8]) == ["1.2 GB", "0.3 GB"])
        }

        @Test func changesInAColumnShareTheirDecimals() {
            #expect(Delta.between(98, 100, format: .number, relativeDecimals: 1).text == "▼ -2.0%")
            #expect(Delta.between(110.5, 100, format: .number, relativeDecimals: 1).text == "▲ +10.5%")
            #expect(Delta.between(98, 100, format: .number).text == "▼ -2%")
            #expect(Delta.between(0.5, 0.4, format: .percent, relativeDecimals: 1).text == "▲ +10.0 pp")
        }

        @Test func oneValueSparklineSaysSo() {
            let spark = Sparkline(points: [DayValue(day: ChartFixtures.start, value: 3)], name: "x").render()
            #expect(spark.contains(">1 value<"))
            #expect(!spark.contains("<svg"))
        }
    }
}
