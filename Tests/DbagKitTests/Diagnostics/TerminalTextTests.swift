import Testing
@testable import DbagKit

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1b}]0;pwned\u{07}\u{1b}[2J", "\\x1b]0;pwned\\x07\\x1b[2J"),
        ("a\rb\u{0}c\u{7f}", "a\\rb\\x00c\\x7f"),
        ("\u{9b}31m", "\\x9b31m"),
        ("left\u{202e}right", "left\\u{202e}right"),
        ("two\nlines\tand tab, café ✓", "two\nlines\tand tab, café ✓"),
    ])
    func controlCharactersAreEscaped(_ text: String, _ shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }
}
