import Yams

/// Turns the YAML parser's positions into the file's. libyaml (YAML 1.1) also
/// breaks lines at NEL (U+0085), LS (U+2028) and PS (U+2029), which editors,
/// CommonMark and dbag's diagnostics do not: after one of those, the parser's
/// line numbers run ahead of the file's. Only a text holding one of them needs a
/// map; for every other text positions pass through unchanged.
struct YAMLLineMap: Sendable {
    /// For each parser line (index 0 is line 1): the file line it lies on, and how
    /// many characters of that file line come before it.
    private var starts: [(line: Int, shift: Int)] = []

    init(_ text: String) {
        guard text.unicodeScalars.contains(where: { Self.isYAMLOnlyBreak($0) }) else { return }
        var fileLine = 1, column = 0
        starts = [(1, 0)]
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }  // CRLF: one break
            if scalar == "\n" || scalar == "\r" {
                fileLine += 1
                column = 0
                starts.append((fileLine, 0))
            } else if Self.isYAMLOnlyBreak(scalar) {
                column += 1
                starts.append((fileLine, column))
            } else {
                column += 1
            }
        }
    }

    /// The file's line and column for a parser position (both 1-based).
    func location(line: Int, column: Int) -> (line: Int, column: Int) {
        guard !starts.isEmpty, line >= 1 else { return (line, column) }
        let start = starts[min(line, starts.count) - 1]
        return (start.line, column + start.shift)
    }

    /// The file's line and column for a parser mark.
    func location(_ mark: Mark) -> (line: Int, column: Int) {
        location(line: mark.line, column: mark.column)
    }

    private static func isYAMLOnlyBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
