/// An error from SQLite, quoting the statement that failed.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var sql: String?

    public var description: String {
        if let sql { return "\(message) (in `\(sql)`)" }
        return message
    }
}

extension SQLiteError: DiagnosticConvertible {
    /// The message, quoting the statement.
    public var diagnostic: Diagnostic { Diagnostic(description) }
}
