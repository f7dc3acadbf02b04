import Foundation
import Testing
@testable import DbagKit

/// Every error reaches the user one way: as a `Diagnostic`, printed `file:line:col: error: message`.
@Suite struct DiagnosticTests {
    let place = SourceLocation(file: "dbag.yml", line: 8, column: 12)

    @Test func aCollectorsErrorKeepsItsPlace() {
        let diagnostic = Diagnostic(CollectError("query returned NULL", location: place))
        #expect(diagnostic == Diagnostic("query returned NULL", at: place))
        #expect(diagnostic.description == "dbag.yml:8:12: error: query returned NULL")
        #expect(diagnostic.location == place)
    }

    @Test func aSQLiteErrorQuotesItsStatement() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try database.prepare("SELEC 1") }
        let diagnostic = Diagnostic(try #require(error))
        #expect(diagnostic.description.hasPrefix("error: near \"SELEC\": syntax error"))
        #expect(diagnostic.description.hasSuffix("(in `SELEC 1`)"))
    }

    @Test func aListStaysAListAndAnythingElseBecomesOne() {
        let list = DiagnosticList([Diagnostic("a", file: "x.md"), Diagnostic("b")])
        #expect(DiagnosticList(list as any Error).description == "x.md: error: a\nerror: b")
        #expect(DiagnosticList(CocoaError(.fileNoSuchFile) as any Error).diagnostics.count == 1)
    }

    @Test func aWarningSaysSo() {
        #expect(Diagnostic("no values for key 'acme'", at: place, severity: .warning).description
            == "dbag.yml:8:12: warning: no values for key 'acme'")
    }

    @Test func aboutNamesTheSubjectAndPlacesAnUnplacedError() {
        #expect(Diagnostic("timed out").about("series 's'", at: place).description == "dbag.yml:8:12: error: series 's': timed out")
        let own = SourceLocation(file: "dbag.yml", line: 3, column: 5)
        #expect(Diagnostic("bad", at: own).about("m", at: place).location == own)
        #expect(Diagnostic("down").about("m").description == "error: m: down")
    }
}
