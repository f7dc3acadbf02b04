/// A standalone shields.io-style SVG (`badges/<metric>.svg`): name | value, delta and sparkline.
///
/// Used outside the site (READMEs, wikis), so it is the one chart with explicit colours,
/// in its own `<style>` with a `prefers-color-scheme: dark` variant.
public struct Badge: Sendable {
    /// The metric's name (left part).
    public var name: String
    /// The latest value; nil shows `no data`.
    public var value: Double?
    /// The change to show after the value; nil for none. Its `cssClass` picks the background.
    public var delta: Delta?
    /// Recent points for the sparkline; none draws no sparkline.
    public var points: [DayValue]
    /// Formats the value.
    public var formatter: ValueFormatter
    /// Prefix of the ids inside the badge.
    public var id: String

    static let height = 20.0
    static let sparkWidth = 36.0
    static let fontSize = 11.0

    /// A badge; `delta` from `Delta.between(latest, earlier, …)`.
    public init(name: String, value: Double?, delta: Delta? = nil, points: [DayValue] = [],
                formatter: ValueFormatter = ValueFormatter(), id: String = "badge") {
        self.name = name
        self.value = value
        self.delta = delta
        self.points = points
        self.formatter = formatter
        self.id = id
    }

    /// The text on the right: `1,234 users ▲ +12.3%`.
    public var valueText: String {
        let main = value.map { formatter.string($0) } ?? "no data"
        guard let delta, value != nil else { return main }
        return main + " " + delta.text
    }

    /// The accessible name: `Signups: 1,234 users ▲ +12.3%`.
    public var summary: String {
        name + ": " + valueText
    }

    static let style = """
    .b-label{fill:#555}.b-value{fill:#4c6ef5}.b-good{fill:#2f855a}.b-bad{fill:#c53030}.b-neutral{fill:#5a6a7a}\
    .b-text{fill:#fff}.b-shadow{fill:#010101;fill-opacity:.3}.b-spark{color:#fff}\
    @media (prefers-color-scheme:dark){.b-label{fill:#3a3f44}.b-value{fill:#364fc7}.b-good{fill:#276749}\
    .b-bad{fill:#9b2c2c}.b-neutral{fill:#4a5568}.b-text{fill:#f1f3f5}}
    """

    /// The whole SVG document (escaped text, deterministic).
    public func render() -> String {
        let prefix = SVG.safeID(id)
        let cleaned = ChartSeries(name: name, points: points).cleaned
        let labelWidth = (Self.verdanaWidth(name) + 12).rounded(.up)
        let textWidth = (Self.verdanaWidth(valueText) + 12).rounded(.up)
        let sparkRoom = cleaned.isEmpty ? 0 : Self.sparkWidth + 6
        let width = labelWidth + textWidth + sparkRoom
        let tone: String
        if value == nil { tone = "b-neutral" } else if let delta { tone = "b-" + delta.cssClass } else { tone = "b-value" }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVG.n(width))\" height=\"\(SVG.n(Self.height))\""
        out += " viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(Self.height))\" role=\"img\" aria-labelledby=\"\(prefix)-title\">"
        out += "<title id=\"\(prefix)-title\">" + HTML.escape(summary) + "</title>"
        out += "<style>" + Self.style + "</style>"
        out += "<clipPath id=\"\(prefix)-round\">" + SVG.element("rect", ["width": SVG.n(width), "height": SVG.n(Self.height), "rx": "3"]) + "</clipPath>"
        out += "<g clip-path=\"url(#\(prefix)-round)\">"
        out += SVG.element("rect", ["class": "b-label", "width": SVG.n(labelWidth), "height": SVG.n(Self.height)])
        out += SVG.element("rect", ["class": tone, "x": SVG.n(labelWidth), "width": SVG.n(width - labelWidth),
                                    "height": SVG.n(Self.height)])
        out += "</g>"
        out += "<g font-family=\"Verdana, DejaVu Sans, sans-serif\" font-size=\"11\" aria-hidden=\"true\">"
        out += text(name, x: labelWidth / 2, width: labelWidth - 12)
        out += text(valueText, x: labelWidth + textWidth / 2, width: textWidth - 12)
        out += "</g>"
        if !cleaned.isEmpty {
            out += "<g class=\"b-spark\" transform=\"translate(\(SVG.n(labelWidth + textWidth)),3)\">"
            out += Sparkline.drawing(cleaned, width: Self.sparkWidth, height: 14, rollup: .day, showMinMax: false)
            out += "</g>"
        }
        return out + "</svg>"
    }

    /// A rough width of `text` in 11 px Verdana, a wide font (0.64 em per character).
    static func verdanaWidth(_ text: String) -> Double {
        (Double(text.count) * fontSize * 0.64).rounded(.up)
    }

    /// Centred text with a one-pixel shadow, shields-style; `textLength` keeps it inside
    /// its box whatever font the viewer has.
    private func text(_ content: String, x: Double, width: Double) -> String {
        let length = SVG.n(max(width, 1))
        return SVG.element("text", ["class": "b-shadow", "x": SVG.n(x), "y": "15", "text-anchor": "middle",
                                    "textLength": length, "lengthAdjust": "spacingAndGlyphs"], HTML.escape(content))
            + SVG.element("text", ["class": "b-text", "x": SVG.n(x), "y": "14", "text-anchor": "middle",
                                   "textLength": length, "lengthAdjust": "spacingAndGlyphs"], HTML.escape(content))
    }
}
