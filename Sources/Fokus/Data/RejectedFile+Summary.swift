extension RejectedFile {
    /// How many errors the rejection lists, counted as ``Diagnostic/summary(of:)`` counts them.
    public var errorCount: Int { Diagnostic.errorTally(of: diagnostics).total }

    /// The warning an evaluation that goes on without the file (`--keep-going`) gives: how many
    /// errors the file has, and the first of them.
    public var notUsedWarning: Diagnostic {
        let problems = diagnostics.filter { $0.severity == .error && $0.countsAsErrors == 1 }
        guard let first = problems.first ?? diagnostics.first else {
            return .warning(DiagnosticText.fileNotUsed(firstError: nil, firstErrorSwedish: nil, errors: 0), at: SourceLocation(file: path))
        }
        let count = errorCount
        return .warning(
            DiagnosticText.fileNotUsed(firstError: first.description, firstErrorSwedish: first.rendered(in: .sv), errors: count),
            at: SourceLocation(file: path))
    }
}
