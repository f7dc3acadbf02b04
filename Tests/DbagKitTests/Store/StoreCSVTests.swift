import Foundation
import Testing
@testable import DbagKit

@Suite struct StoreCSVTests {
    static func export(_ store: MetricStore) throws -> String {
        var data = Data()
        try store.exportCSV { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [(12.0, "12"), (0.25, "0.25"), (-3, "-3"), (1e-7, "1e-07"), (1234567.5, "1234567.5"), (0.1 + 0.2, "0.30000000000000004")])
    func numbers(_ value: Double, _ text: String) {
        #expect(StoreCSV.number(value) == text)
        #expect(Double(text) == value)
    }

    @Test func exportSortsAndQuotes() throws {
        let project = try ScratchProject()
        let store = try project.store()
        let day = try #require(Day("2026-01-02"))
        try store.save([
            StoredValue(metric: "b", day: day, value: 0.25),
            StoredValue(metric: "a", key: "x,\"y\"\nz", day: day, value: 12),
            StoredValue(metric: "a", key: "", day: day.advanced(by: -1), value: 1),
        ])
        #expect(try Self.export(store) == """
            metric,key,day,value
            a,,2026-01-01,1
            a,"x,""y""
            z",2026-01-02,12
            b,,2026-01-02,0.25

            """)
    }

    @Test func exportThenImportRoundTrips() throws {
        let source = try ScratchProject(), target = try ScratchProject()
        let store = try source.store()
        let faker = HistoryFaker(seed: 7, days: 50, lastDay: try #require(Day("2026-03-01")))
        let config = try source.config("metrics:\n  a:\n    format: percent\n  b:\n    per: customer\n    format: currency\n")
        try store.save(faker.history(for: config.metrics).values + [StoredValue(metric: "c", key: "q\"uote,d", day: Day(ordinal: 1), value: 1e-300)])
        let csv = try Self.export(store)
        let empty = try target.store()
        let summary = try empty.importCSV(Data(csv.utf8), file: "all.csv")
        #expect(summary.rows == 50 + 6 * 50 + 1)
        #expect(summary.metrics == ["a", "b", "c"])
        #expect(try Self.export(empty) == csv)
        #expect(try empty.allSeries() == store.allSeries())
    }

    @Test func importAcceptsCRLFAndQuotes() throws {
        let store = try ScratchProject().store()
        let csv = "metric,key,day,value\r\nm,\"a,b\",2026-01-01,1.5\r\nm,\"say \"\"hi\"\"\",2026-01-01,2\r\n\r\nn,,2026-01-02,-4e2"
        #expect(try store.importCSV(Data(csv.utf8), file: "x.csv").rows == 3)
        #expect(try store.series("m", key: "a,b") == [DayValue(day: try #require(Day("2026-01-01")), value: 1.5)])
        #expect(try store.series("m", key: "say \"hi\"").count == 1)
        #expect(try store.series("n").first?.value == -400)
    }

    @Test(arguments: [
        ("m,,2026-01-01,1\nm,,2026-01-02", "data.csv:3:4: error: expected 4 fields (metric,key,day,value), found 3"),
        ("m,,2026-01-01,1,2", "data.csv:2:17: error: expected 4 fields (metric,key,day,value), found 5"),
        ("m,,2026-01-01,1\nm,,2026-02-30,1", "data.csv:3:4: error: '2026-02-30' is not a day (YYYY-MM-DD)"),
        ("m,,2026-01-01,abc", "data.csv:2:15: error: value 'abc' is not a finite number"),
        ("m,,2026-01-01,1\n\nm,,2026-01-01,nan", "data.csv:4:15: error: value 'nan' is not a finite number"),
        ("m,,2026-01-01,inf", "data.csv:2:15: error: value 'inf' is not a finite number"),
        ("m,,2026-01-01,-Infinity", "data.csv:2:15: error: value '-Infinity' is not a finite number"),
        ("m,,2026-01-01,1e400", "data.csv:2:15: error: value '1e400' is not a finite number"),
        ("m,,2026-01-01,-1e400", "data.csv:2:15: error: value '-1e400' is not a finite number"),
        ("M!,,2026-01-01,1", "data.csv:2:1: error: metric 'M!' is not a slug (a-z, 0-9, '-')"),
        ("m,\"a\nb\",2026-01-01,1\nm,,2026-01-01,1e999", "data.csv:4:15: error: value '1e999' is not a finite number"),
        ("m,\"a\nb\",2026-01-01,x", "data.csv:3:15: error: value 'x' is not a finite number"),
        ("m,\"open,2026-01-01,1", "data.csv:2:3: error: a quoted field is never closed"),
        ("m,a\"b,2026-01-01,1", "data.csv:2:4: error: a quote inside an unquoted field (quote the whole field and double the quote)"),
        ("m,\"é\"x,2026-01-01,1", "data.csv:2:6: error: unexpected text after a closing quote"),
        ("m,a\u{0}b,2026-01-01,1", "data.csv:2:3: error: the key 'a\\0b' holds a NUL byte"),
        // The last line ends in an empty value: an error, never the previous row's value.
        ("m,,2026-01-01,7\nm,,2026-01-02,", "data.csv:3:15: error: value '' is not a finite number"),
        ("m,,2026-01-01,7\nm,,2026-01-02,\n", "data.csv:3:15: error: value '' is not a finite number"),
    ])
    func badRowNamesTheLineAndImportsNothing(_ rows: String, _ message: String) throws {
        let store = try ScratchProject().store()
        do {
            _ = try store.importCSV(Data(("metric,key,day,value\n" + rows).utf8), file: "data.csv")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == message)
        }
        #expect(try store.allSeries().isEmpty)
    }

    @Test func invalidUTF8KeyIsALocatedError() throws {
        let store = try ScratchProject().store()
        let csv = Data("metric,key,day,value\nm,".utf8) + Data([0x61, 0xFF]) + Data(",2026-01-01,1\n".utf8)
        #expect(throws: Diagnostic("the key is not valid UTF-8", file: "x.csv", line: 2, column: 3)) {
            try store.importCSV(csv, file: "x.csv")
        }
        #expect(try store.allSeries().isEmpty)
    }

    @Test(arguments: [
        ("m,a\u{0}b,Acme", "x.csv:3:3: error: the key 'a\\0b' holds a NUL byte"),
        ("m,a,Ac\u{0}me", "x.csv:3:5: error: the label 'Ac\\0me' holds a NUL byte"),
        ("m,a", "x.csv:3:3: error: expected 3 fields (metric,key,label), found 2"),
        ("m,a,b,c", "x.csv:3:7: error: expected 3 fields (metric,key,label), found 4"),
        ("M,a,b", "x.csv:3:1: error: metric 'M' is not a slug (a-z, 0-9, '-')"),
    ])
    func badLabelRowIsLocatedAndImportsNothing(_ row: String, _ message: String) throws {
        let store = try ScratchProject().store()
        do {
            _ = try store.importLabelsCSV(Data("metric,key,label\nm,ok,Fine\n\(row)\n".utf8), file: "x.csv")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == message)
        }
        #expect(try store.labels().isEmpty)
    }

    @Test func headerIsRequired() throws {
        let store = try ScratchProject().store()
        #expect(throws: Diagnostic.self) { try store.importCSV(Data("m,,2026-01-01,1\n".utf8), file: "x.csv") }
    }
}
