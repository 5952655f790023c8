/// The error every Fokus operation throws: one or more ``Diagnostic``s, each with its location.
///
/// Loading collects *all* problems of a rule set before throwing, so a user fixes them in one go.
public struct FokusError: Error, Sendable, CustomStringConvertible {
    /// Every problem found; at least one is an error.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Creates an error with one message.
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.diagnostics = [.error(message, at: location)]
    }

    /// The diagnostics, one a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
