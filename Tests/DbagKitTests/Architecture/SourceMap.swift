import Foundation

/// Which types each folder of `Sources/DbagKit` declares and which folders' types
/// each file uses: the facts ARCHITECTURE.md's map is checked against.
struct SourceMap {
    /// One use of a type declared in another folder.
    struct Use: Hashable, CustomStringConvertible {
        var file: String
        var folder: String
        var type: String
        var typeFolder: String

        var description: String { "\(file) uses \(type) (\(typeFolder)/)" }
    }

    /// The top folder of each file (`Markdown/Directives/X.swift` is in `Markdown`), by path under the root.
    var folders: [String: String] = [:]
    /// Type name → the top folder declaring it at top level.
    var owners: [String: String] = [:]
    /// Path → the file's code, comments and string literals blanked.
    var code: [String: String] = [:]

    /// Reads every Swift file under `root`.
    init(root: URL) throws {
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for path in paths.sorted() where path.hasSuffix(".swift") {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let folder = path.contains("/") ? String(path.prefix { $0 != "/" }) : ""
            folders[path] = folder
            code[path] = Self.codeOnly(text)
        }
        for (path, text) in code {
            for name in Self.declarations(in: text) { owners[name] = folders[path] }
        }
    }

    /// The modules each file imports, by path.
    var imports: [String: Set<String>] {
        code.mapValues { text in
            Set(text.split(separator: "\n").compactMap { line in
                line.hasPrefix("import ") ? String(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) : nil
            })
        }
    }

    /// Every use of a type declared in a folder other than the using file's own.
    var crossUses: [Use] {
        var uses: Set<Use> = []
        for (path, text) in code {
            guard let folder = folders[path] else { continue }
            for word in Self.typeNames(in: text) {
                guard let owner = owners[word], owner != folder else { continue }
                uses.insert(Use(file: path, folder: folder, type: word, typeFolder: owner))
            }
        }
        return uses.sorted { ($0.file, $0.type) < ($1.file, $1.type) }
    }

    /// Names declared at the top level (`struct X`, `public enum X`, `typealias X`, …).
    static func declarations(in code: String) -> [String] {
        let keywords: Set = ["struct", "class", "enum", "protocol", "actor", "typealias"]
        let modifiers: Set = ["public", "internal", "private", "fileprivate", "package", "final", "indirect", "nonisolated", "open"]
        var names: [String] = []
        for line in code.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
            var words = line.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "@" })[...]
            while let first = words.first, first.hasPrefix("@") || modifiers.contains(String(first)) { words = words.dropFirst() }
            if let keyword = words.first, keywords.contains(String(keyword)), words.count > 1 {
                names.append(String(words[words.startIndex + 1]))
            }
        }
        return names
    }

    /// Capitalised identifiers in code.
    static func typeNames(in code: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        for character in code + " " {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if let first = current.first, first.isUppercase { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    /// What the scanner is inside of: a string, a `"""` string, or an interpolation's parentheses.
    enum Delimiter { case quote, tripleQuote, interpolation }

    /// The code of a Swift file with comments and string literals blanked
    /// (an interpolation `\(…)` inside a string stays code).
    static func codeOnly(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var index = 0
        var stack: [Delimiter] = []
        func at(_ offset: Int) -> Character? { index + offset < characters.count ? characters[index + offset] : nil }
        while index < characters.count {
            let character = characters[index]
            let inString = stack.last == .quote || stack.last == .tripleQuote
            if inString {
                if character == "\\", at(1) == "(" { stack.append(.interpolation); out += " ("; index += 2; continue }
                if character == "\\" { index += 2; continue }
                if stack.last == .tripleQuote, character == "\"", at(1) == "\"", at(2) == "\"" { stack.removeLast(); out += "\"\""; index += 3; continue }
                if stack.last == .quote, character == "\"" { stack.removeLast(); out += "\""; index += 1; continue }
                if character == "\n" { out.append("\n") }
                index += 1
                continue
            }
            if character == "/", at(1) == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if character == "/", at(1) == "*" {
                var depth = 0
                repeat {
                    if characters[index] == "/", at(1) == "*" { depth += 1; index += 2 } else if characters[index] == "*", at(1) == "/" { depth -= 1; index += 2 } else {
                        if characters[index] == "\n" { out.append("\n") }
                        index += 1
                    }
                } while depth > 0 && index < characters.count
                continue
            }
            if character == "\"" {
                if at(1) == "\"", at(2) == "\"" { stack.append(.tripleQuote); out += "\"\""; index += 3 } else { stack.append(.quote); out += "\""; index += 1 }
                continue
            }
            if stack.last == .interpolation {
                if character == "(" { stack.append(.interpolation) } else if character == ")" { stack.removeLast() }
            }
            out.append(character)
            index += 1
        }
        return out
    }
}
