/// The error every Fokus operation throws: one or more ``Diagnostic``s, each with its location.
///
/// Loading collects *all* problems of a rule set before throwing, so a user fixes them in one go.
public struct FokusError: Error, Sendable, CustomStringConvertible {
    /// Every problem found; at least one is an error.
    public internal(set) var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics.
    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Creates an error with one message.
    package init(_ message: String, at location: SourceLocation? = nil) {
        self.diagnostics = [.error(message, at: location)]
    }

    /// The codes of the errors among the diagnostics.
    public var codes: Set<Diagnostic.Code> {
        Set(diagnostics.filter { $0.severity == .error }.compactMap(\.code))
    }

    /// The same error with `code` given to every diagnostic that has none.
    package func coded(_ code: Diagnostic.Code) -> FokusError {
        FokusError(
            diagnostics.map { d in
                var d = d
                if d.code == nil { d.code = code }
                return d
            })
    }

    /// The diagnostics, one a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
