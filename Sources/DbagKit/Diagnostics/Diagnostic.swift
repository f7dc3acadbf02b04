/// A place in a source file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One user-facing error or warning, printed compiler-style: `file:line:col: error: message`.
/// Every error that reaches the user becomes one (`Diagnostic(error)`), so all print alike.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the run fails for it (`error`) or goes on (`warning`).
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// The file the error is in, when it has no line (e.g. a missing file).
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    /// `.error` unless made a warning.
    public var severity: Severity

    public init(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, severity: Severity = .error) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
    }

    public init(_ message: String, at location: SourceLocation?, severity: Severity = .error) {
        self.init(message, file: location?.file, line: location?.line, column: location?.column, severity: severity)
    }

    /// Any error as the user sees it: a diagnostic as it is, a `DiagnosticConvertible` as it says, else its text.
    public init(_ error: any Error) {
        if let diagnostic = error as? Diagnostic {
            self = diagnostic
        } else if let convertible = error as? any DiagnosticConvertible {
            self = convertible.diagnostic
        } else {
            self.init("\(error)")
        }
    }

    /// The same diagnostic about `subject` (`metric 'x': message`), placed at `fallback` when it has no place of its own.
    public func about(_ subject: String, at fallback: SourceLocation? = nil) -> Diagnostic {
        var diagnostic = file == nil ? Diagnostic(message, at: fallback, severity: severity) : self
        diagnostic.message = subject + ": " + message
        return diagnostic
    }

    /// The place the diagnostic points at, when it has a line.
    public var location: SourceLocation? {
        guard let file, let line else { return nil }
        return SourceLocation(file: file, line: line, column: column ?? 1)
    }

    public var description: String {
        var prefix = ""
        if let file {
            prefix = file
            if let line {
                prefix += ":\(line)"
                if let column { prefix += ":\(column)" }
            }
            prefix += ": "
        }
        return prefix + severity.rawValue + ": " + message
    }
}

/// Every error of a run, collected so the user sees all of them at once.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Any error as the user sees it: a list as it is, anything else as one diagnostic.
    public init(_ error: any Error) {
        self.init((error as? DiagnosticList)?.diagnostics ?? [Diagnostic(error)])
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
