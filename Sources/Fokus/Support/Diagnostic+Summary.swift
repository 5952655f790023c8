extension Diagnostic {
    /// A heading or hint that goes with other diagnostics and is not a problem of its own: it is
    /// rendered as an error line but a summary does not count it.
    package static func context(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        var diagnostic = Diagnostic.error(message, at: location)
        diagnostic.countsAsErrors = 0
        return diagnostic
    }

    /// A heading or hint whose message has an id (see ``context(_:at:)``).
    public static func context(_ text: DiagnosticText, at location: SourceLocation? = nil) -> Diagnostic {
        var diagnostic = Diagnostic.error(text, at: location)
        diagnostic.countsAsErrors = 0
        return diagnostic
    }

    /// A line standing for `count` problems that are not listed one by one.
    static func omitted(_ count: Int, _ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        var diagnostic = Diagnostic.error(message, at: location)
        diagnostic.countsAsErrors = count
        return diagnostic
    }

    /// How many errors `diagnostics` stand for, and how many of them are listed one by one.
    package static func errorTally(of diagnostics: [Diagnostic]) -> (total: Int, listed: Int) {
        var total = 0
        var listed = 0
        for diagnostic in diagnostics where diagnostic.severity == .error {
            total += diagnostic.countsAsErrors
            if diagnostic.countsAsErrors == 1 { listed += 1 }
        }
        return (total, listed)
    }

    /// The closing line of a list of diagnostics, counting exactly what the list shows: `3 errors`,
    /// or `60 errors (50 listed, 10 more not listed)` when some were summarised in a line of their
    /// own. `nil` when there is nothing worth summing up (no error, or a single one listed).
    package static func summary(of diagnostics: [Diagnostic]) -> String? {
        let (total, listed) = errorTally(of: diagnostics)
        if total == listed {
            return total > 1 ? "\(total) errors" : nil
        }
        let hidden = total - listed
        return "\(total) \(total == 1 ? "error" : "errors") (\(listed) listed, \(hidden) more not listed)"
    }
}
