/// Small helpers that write SVG elements with escaped attributes in the order given.
enum SVG {
    /// `<name a="1" b="2">content</name>`, or self-closing when `content` is nil.
    /// Attribute values are escaped; `content` is raw (already escaped or markup).
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String? = nil) -> String {
        // Appended piece by piece into one buffer: no temporary strings.
        var out = "<"
        out.reserveCapacity(64 + (content?.utf8.count ?? 0))
        out += name
        for (key, value) in attributes {
            out += " "
            out += key
            out += "=\""
            out += HTML.escape(value)
            out += "\""
        }
        guard let content else {
            out += "/>"
            return out
        }
        out += ">"
        out += content
        out += "</"
        out += name
        out += ">"
        return out
    }

    /// `<title>escaped text</title>`.
    static func title(_ text: String) -> String {
        "<title>" + HTML.escape(text) + "</title>"
    }

    /// A coordinate (one decimal, no exponent, no NaN).
    static func n(_ x: Double) -> String {
        NumberText.coord(x)
    }

    /// A rough width of `text` in pixels at `fontSize` (0.6 em per character).
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// An id prefix with anything but `[A-Za-z0-9_-]` replaced by `-` (`chart` when empty).
    static func safeID(_ id: String) -> String {
        let cleaned = String(id.unicodeScalars.map { scalar -> Character in
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
            return ok ? Character(scalar) : "-"
        })
        return cleaned.isEmpty ? "chart" : cleaned
    }

    /// The class of the n-th series (0-based), cycling through six: `series-1` … `series-6`.
    static func seriesClass(_ index: Int) -> String {
        "series-\(index % 6 + 1)"
    }

    /// The dash pattern of the n-th series: solid for the first, then distinct dashes.
    static func dash(_ index: Int) -> String? {
        let patterns = [nil, "6 3", "2 2", "8 3 2 3", "1 3", "10 4"]
        return patterns[index % patterns.count]
    }
}
