/// One problem found in the input, phrased for the person who has to fix it.
///
/// Rule-file diagnostics render compiler-style, `file:line:column: error: message`;
/// data-row diagnostics name the column instead, `file:line: column: reason`,
/// as a spreadsheet user looks for them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The input cannot be used as it is.
        case error
        /// The input was used, but probably not as intended.
        case warning
    }

    /// What kind of problem a diagnostic reports, stable across releases and languages, so a
    /// program (the daemon) can act on it without parsing the message.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The rule set (or a rule file) is invalid: keep the last good rules.
        public static let rulesInvalid = Code(rawValue: "rules-invalid")
        /// A data file failed validation and nothing from it was used: quarantine it.
        public static let dataFileRejected = Code(rawValue: "data-file-rejected")
        /// There is no data to evaluate yet (no data folder, or no crime rows for the scope).
        public static let noDataYet = Code(rawValue: "no-data-yet")
        /// The rules and data were read, but the evaluation failed (for example `missing: error`).
        public static let evaluationFailed = Code(rawValue: "evaluation-failed")
        /// A daemon configuration file is invalid.
        public static let configInvalid = Code(rawValue: "config-invalid")

        public var description: String { rawValue }
    }

    /// How serious the problem is.
    public internal(set) var severity: Severity
    /// What is wrong and how to fix it, in plain words.
    public internal(set) var message: String
    /// Where it is, when known.
    public internal(set) var location: SourceLocation?
    /// For data files: the column whose value is wrong.
    public internal(set) var field: String?
    /// Another place involved (the first definition of a duplicate id, say).
    public internal(set) var related: SourceLocation?
    /// What the note at ``related`` says (`first written here`, `it starts here`).
    public internal(set) var relatedNote: String = "first written here"
    /// How many errors this diagnostic stands for in a summary such as "3 errors" (see
    /// `summary(of:)`): 1 for a problem, 0 for a heading or hint that only goes with other
    /// diagnostics ("rejected data file:", "fix the rows above"), N for a line that stands for N
    /// problems not listed one by one ("… and 10 more errors").
    public internal(set) var countsAsErrors: Int = 1
    /// What kind of problem this is, for programs that act on it (`nil` when not classified).
    public internal(set) var code: Code?
    /// The message as an id with its figures, when it has one: shown in the reader's language by
    /// ``rendered(in:)``; ``message`` stays English.
    public internal(set) var text: DiagnosticText?

    /// Creates a diagnostic.
    package init(
        _ severity: Severity,
        _ message: String,
        at location: SourceLocation? = nil,
        field: String? = nil,
        related: SourceLocation? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.field = field
        self.related = related
    }

    /// An error.
    package static func error(
        _ message: String, at location: SourceLocation? = nil, field: String? = nil, related: SourceLocation? = nil,
        relatedNote: String = "first written here"
    ) -> Diagnostic {
        var diagnostic = Diagnostic(.error, message, at: location, field: field, related: related)
        diagnostic.relatedNote = relatedNote
        return diagnostic
    }

    /// A warning.
    package static func warning(
        _ message: String, at location: SourceLocation? = nil, field: String? = nil, related: SourceLocation? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: location, field: field, related: related)
    }

    /// The one-line rendering, e.g. `rules/a.yaml:4:7: error: unknown key "wieghts"; did you mean "weights"?`.
    public var description: String {
        if let field, let location {
            return "\(location): \(field): \(message)"
        }
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}
