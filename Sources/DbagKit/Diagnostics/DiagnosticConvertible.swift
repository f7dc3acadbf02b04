/// An error of a lower layer (a collector, a database client) that knows how
/// the user should see it: `Diagnostic(error)` asks it.
public protocol DiagnosticConvertible: Error {
    /// The error as a diagnostic, located when the error knows where.
    var diagnostic: Diagnostic { get }
}
