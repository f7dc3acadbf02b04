/// A collector's failure, worded for `dbag collect` and the run log.
public struct CollectError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Where in dbag.yml the fault is, when it is in the config (e.g. a query that cannot be prepared).
    public var location: SourceLocation?

    public init(_ message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { message }
}

extension CollectError: DiagnosticConvertible {
    /// The failure at its place in dbag.yml, when it has one.
    public var diagnostic: Diagnostic { Diagnostic(message, at: location) }
}
