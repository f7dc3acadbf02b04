import Foundation
import Testing

/// ARCHITECTURE.md's folder table is the map of `Sources/DbagKit`: these tests
/// keep it true. Its rows run in the order data flows, and a folder may use only
/// types of the folders above it.
@Suite struct ArchitectureTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The table rows: folder (without `/`) and what the row names in backticks.
    static func rows() throws -> [(folder: String, names: [String])] {
        let text = try String(contentsOf: repository.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard line.hasPrefix("| `"), cells.count >= 3 else { return nil }
            let folder = cells[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`/"))
            let names = cells[2].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            return (folder, names)
        }
    }

    static func map() throws -> SourceMap {
        try SourceMap(root: repository.appendingPathComponent("Sources/DbagKit"))
    }

    @Test func theTableListsEveryFolderOnce() throws {
        let listed = try Self.rows().map(\.folder)
        let actual = Set(try Self.map().folders.values)
        #expect(listed.count == Set(listed).count, "a folder is listed twice: \(listed)")
        #expect(Set(listed) == actual, "ARCHITECTURE.md lists \(listed.sorted()), Sources/DbagKit holds \(actual.sorted())")
        #expect(!actual.contains(""), "a Swift file lies outside every folder of Sources/DbagKit")
    }

    @Test func everyFolderUsesOnlyFoldersAboveIt() throws {
        let order = Dictionary(uniqueKeysWithValues: try Self.rows().map(\.folder).enumerated().map { ($1, $0) })
        let backward = try Self.map().crossUses.filter { use in
            guard let user = order[use.folder], let used = order[use.typeFolder] else { return true }
            return used > user
        }
        #expect(backward.isEmpty, Comment(rawValue: "arrows against the flow:\n" + backward.map(\.description).joined(separator: "\n")))
    }

    @Test func everyNameInTheTableLivesInItsFolder() throws {
        let map = try Self.map()
        var misplaced: [String] = []
        for row in try Self.rows() {
            for name in row.names {
                if name.hasSuffix(".swift") {
                    let found = map.folders.contains { path, folder in folder == row.folder && path.hasSuffix("/" + name) }
                    if !found { misplaced.append("\(name) is not in \(row.folder)/") }
                } else if let owner = map.owners[name], owner != row.folder {
                    misplaced.append("\(name) is in \(owner)/, not \(row.folder)/")
                }
            }
        }
        #expect(misplaced.isEmpty, Comment(rawValue: "ARCHITECTURE.md says:\n" + misplaced.joined(separator: "\n")))
    }

    /// Each C library is imported by one file, Yams only by Config/ and Mustache only by Theme/ and Site/.
    @Test func foreignModulesStayWhereTheTableSays() throws {
        let allowed: [String: (String) -> Bool] = [
            "CSQLite": { $0 == "Store/SQLite.swift" },
            "CLibPQ": { $0 == "Store/PostgreSQL.swift" },
            "CMariaDB": { $0 == "Store/MariaDB.swift" },
            "CCmark": { $0 == "Markdown/CommonMark.swift" },
            "CFolderSwap": { $0 == "Site/FolderSwap.swift" },
            "Yams": { $0.hasPrefix("Config/") },
            "Mustache": { $0.hasPrefix("Theme/") || $0.hasPrefix("Site/") },
        ]
        var misplaced: [String] = []
        for (path, modules) in try Self.map().imports {
            for module in modules.sorted() where allowed[module].map({ !$0(path) }) ?? false {
                misplaced.append("\(path) imports \(module)")
            }
        }
        #expect(misplaced.isEmpty, Comment(rawValue: misplaced.sorted().joined(separator: "\n")))
    }

    /// The map reads code only: a type named in a comment or a string is no arrow.
    @Test func commentsAndStringsAreNotUses() {
        let code = SourceMap.codeOnly("""
            /// Uses Alpha.
            let a = "Beta \\(Gamma.x) \\"Delta\\"" /* Epsilon /* Zeta */ */
            let b = \"\"\"
              Eta
              \"\"\"
            """)
        #expect(SourceMap.typeNames(in: code) == ["Gamma"])
        #expect(SourceMap.declarations(in: "public struct A {\n    struct B {}\n}\n@MainActor final class C\nextension D {}") == ["A", "C"])
    }
}
