import Foundation
import Testing
@testable import DbagKit

@Suite struct BuiltinThemeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The theme compiled into the binary is exactly themes/default (run scripts/embed-theme.py after editing it).
    @Test func builtInThemeMatchesThemesDefault() throws {
        let onDisk = try Theme.readFiles(in: Self.root.appendingPathComponent("themes/default"))
        #expect(!onDisk.isEmpty)
        let builtIn = BuiltinTheme.theme
        let embedded = builtIn.assets.merging(builtIn.templates.map { ($0.key + ".mustache", Data($0.value.utf8)) }) { a, _ in a }
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run python3 scripts/embed-theme.py")
        for (path, data) in onDisk {
            #expect(embedded[path] == data, "\(path) differs: run python3 scripts/embed-theme.py")
        }
    }

    @Test func aProjectThemeWinsOverTheBuiltInOne() throws {
        let project = try TestProject("""
        -- dbag.yml --
        title: Mine
        -- dashboards/index.md --
        Hello
        -- themes/default/page.mustache --
        <html><body>CUSTOM {{site.title}} {{{page.content}}}</body></html>
        -- themes/default/assets/x.css --
        body{}
        """)
        defer { project.remove() }
        let site = try project.build()
        #expect(site["index.html"]?.hasPrefix("<html><body>CUSTOM Mine <p>Hello</p>") == true)
        #expect(site["assets/x.css"] == "body{}\n")
        #expect(site["assets/style.css"] == nil)
    }

    @Test func anUnknownThemeIsAnErrorInDbagYml() throws {
        let project = try TestProject("""
        -- dbag.yml --
        theme: fancy
        -- dashboards/index.md --
        Hello
        """)
        defer { project.remove() }
        let error = try #require(throws: DiagnosticList.self) { try project.build() }
        #expect(error.diagnostics.first?.description.hasPrefix("dbag.yml: error: unknown theme 'fancy'") == true)
    }
}

@Suite struct ThemeVariablesTests {
    /// Charts take their colours from CSS variables: the shipped theme defines every one, in light and dark.
    @Test func theDefaultThemeDefinesEveryChartVariableInBothSchemes() throws {
        let css = try #require(BuiltinTheme.theme.assets["assets/style.css"].map { String(decoding: $0, as: UTF8.self) })
        let dark = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
        let light = String(css[..<dark.lowerBound]), darkPart = String(css[dark.lowerBound...])
        for variable in ChartCSS.variables {
            #expect(light.contains(variable + ":"), "\(variable) missing in the light scheme")
            #expect(darkPart.contains(variable + ":") || ["--text", "--spark", "--spark-last"].contains(variable),
                    "\(variable) missing in the dark scheme")
        }
    }
}
