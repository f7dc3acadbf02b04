import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DbagKit

/// Control characters from an app database or dbag.yml never reach a page or
/// an SVG: they become U+FFFD, so every badge stays well-formed XML.
@Suite struct ControlCharacterTests {
    static let key = "acme\u{01}\u{1B}[31m\u{7F}\u{85}"
    static let label = "Acme\u{0C}\u{1B}]0;pwned\u{07}\u{FFFE}"

    @Test func noControlCharacterReachesHTMLOrSVG() throws {
        let project = try TestProject("""
        -- dbag.yml --
        title: "Site\\x01"
        metrics:
          plain: { name: "Plain\\x1b[2J", unit: "u\\x02", description: "d\\x03" }
          objs: { per: customer, name: "Objs\\x04" }
        -- dashboards/index.md --
        # Home

        :value{metric=plain}
        ::stat{metric=plain}
        ::chart{metric=plain}
        ::table{metric=objs}
        ::table{metrics=plain}
        ::heatmap{metric=plain}
        -- dashboards/c/[customer].md --
        ---
        title: "{customer.label}"
        ---
        Page of {customer} / {customer.label}.
        ::stat{metric=objs}
        ::chart{metric=objs}
        """)
        defer { project.remove() }
        try project.store(daily("plain", count: 20) + daily("objs", key: Self.key, count: 20),
                          labels: [("objs", Self.key, Self.label)])
        let files = try SiteBuilder(config: try project.config(), now: Date(timeIntervalSince1970: 1_764_000_000)).build()
        var checked = 0
        for file in files where file.path.hasSuffix(".html") || file.path.hasSuffix(".svg") {
            checked += 1
            let text = String(decoding: file.contents, as: UTF8.self)
            let bad = text.unicodeScalars.filter(Self.isForbidden)
            #expect(bad.isEmpty, "\(file.path) holds \(bad.map { String($0.value, radix: 16) })")
            if file.path.hasSuffix(".svg") {
                let parser = XMLParser(data: file.contents)
                #expect(parser.parse(), "\(file.path) is not well-formed XML: \(String(describing: parser.parserError))")
            }
        }
        #expect(checked >= 6)
        let object = try #require(files.first { $0.path.hasPrefix("c/") && $0.path != "c/index.html" })
        #expect(String(decoding: object.contents, as: UTF8.self).contains("Acme\u{FFFD}\u{FFFD}]0;pwned"))
    }

    @Test(arguments: [("a\u{01}b", "a\u{FFFD}b"), ("tab\tnew\nline\r", "tab\tnew\nline\r"), ("<\u{1B}>", "&lt;\u{FFFD}&gt;"),
                      ("\u{80}\u{9F}\u{A0}©", "\u{FFFD}\u{FFFD}\u{A0}©"), ("\u{FFFF}\u{FFFD}\u{FEFF}", "\u{FFFD}\u{FFFD}\u{FEFF}")])
    func escapeReplacesControlCharacters(_ text: String, _ expected: String) {
        #expect(HTML.escape(text) == expected)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
