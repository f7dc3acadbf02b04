/// Turns the YAML parser's jargon for the commonest mistakes — a line indented
/// wrongly, a `{` never closed, a tab — into a plain sentence located at the
/// line to fix, saying how to fix it.
enum YAMLSyntaxHint {
    /// A located, plain diagnostic, or nil to keep the parser's own words.
    static func diagnostic(problem: String, line: Int, column: Int, text: String, file: String) -> Diagnostic? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        guard line >= 1, line <= lines.count else { return nil }
        let here = lines[line - 1]
        if here.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            return Diagnostic("line \(line) is indented with a tab: YAML indents with spaces only", file: file, line: line, column: 1)
        }
        if problem.contains("flow mapping") || problem.contains("flow sequence") {
            let (open, close): (Character, Character) = problem.contains("mapping") ? ("{", "}") : ("[", "]")
            for index in stride(from: line - 1, through: 1, by: -1) {
                let candidate = lines[index - 1]
                if candidate.filter({ $0 == open }).count > candidate.filter({ $0 == close }).count {
                    let column = (candidate.firstIndex(of: open).map { candidate.distance(from: candidate.startIndex, to: $0) } ?? 0) + 1
                    return Diagnostic("the '\(open)' on line \(index) is never closed: add '\(close)' at the end of that line", file: file, line: index, column: column)
                }
            }
            return nil
        }
        let previous = previousContentLine(before: line, in: lines) ?? line
        let indent = indentation(here), previousIndent = indentation(lines[previous - 1])
        let key = keyText(here), previousKey = keyText(lines[previous - 1])
        if problem.contains("mapping values are not allowed") {
            if previous < line, indent > previousIndent, hasValue(lines[previous - 1]) {
                return Diagnostic("line \(line) is indented deeper than line \(previous) ('\(previousKey)'), which already has a value: "
                                  + "start '\(key)' at column \(previousIndent + 1), in line with '\(previousKey)'",
                                  file: file, line: line, column: indent + 1)
            }
            return Diagnostic("line \(line) has a second ': ' in a value: put the value in quotes, as key: \"a: b\"", file: file, line: line, column: column)
        }
        if problem.contains("did not find expected key"), previous < line {
            let siblings = lines[..<(line - 1)].map(indentation).filter { $0 > indent }.last ?? previousIndent
            return Diagnostic("line \(line) is indented \(indent) space\(indent == 1 ? "" : "s"), but the keys above it start at \(siblings): "
                              + "line '\(key)' up with them (\(siblings) spaces), or with a key further left",
                              file: file, line: line, column: indent + 1)
        }
        return nil
    }

    static func previousContentLine(before line: Int, in lines: [String]) -> Int? {
        stride(from: line - 1, through: 1, by: -1).first { index in
            let trimmed = lines[index - 1].trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
    }

    static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// `name:` for a `name: value` line, else the line's text.
    static func keyText(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
        return String(trimmed[...colon])
    }

    /// Whether a `key: value` line has a value after its colon.
    static func hasValue(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return true }
        let rest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return !rest.isEmpty && !rest.hasPrefix("#")
    }
}
