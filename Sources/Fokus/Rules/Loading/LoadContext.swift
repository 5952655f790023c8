/// Collects the diagnostics of one rule file while it is read, so every problem is reported at once.
struct LoadContext {
    /// The file's path as the caller gave it.
    let file: String
    /// Everything found so far, errors and warnings.
    var diagnostics: [Diagnostic] = []
    /// The ids of the signals the whole rule set declares (SPEC 4.3), in declaration order.
    var signalIDs: [String] = []
    /// Keys already reported as indented too far (see ``overIndentedEntries(in:named:allowed:)``): read as part
    /// of the mapping above, so the mapping they were written in passes over them.
    var overIndentedKeys: Set<YAMLMark> = []

    init(file: String) {
        self.file = file
    }

    /// Whether an error has been found.
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records an error at a node.
    mutating func error(_ message: String, at node: YAMLNode, related: SourceLocation? = nil) {
        error(message, at: node.mark, related: related)
    }

    /// Records an error at a mark.
    mutating func error(_ message: String, at mark: YAMLMark, related: SourceLocation? = nil) {
        diagnostics.append(.error(message, at: mark.location(in: file), related: related))
    }

    /// Records an error phrased per language at a node.
    mutating func error(_ text: DiagnosticText, at node: YAMLNode) {
        diagnostics.append(.error(text, at: node.mark.location(in: file)))
    }

    /// Records an error phrased per language at a mark.
    mutating func error(_ text: DiagnosticText, at mark: YAMLMark, related: SourceLocation? = nil) {
        diagnostics.append(.error(text, at: mark.location(in: file), related: related))
    }

    /// Records an error phrased per language at a node, about the rule file (see ``DiagnosticText/RuleFileProblem``).
    mutating func error(_ problem: DiagnosticText.RuleFileProblem, at node: YAMLNode, related: SourceLocation? = nil) {
        error(.ruleFile(problem), at: node.mark, related: related)
    }

    /// Records an error phrased per language at a mark, about the rule file.
    mutating func error(_ problem: DiagnosticText.RuleFileProblem, at mark: YAMLMark, related: SourceLocation? = nil) {
        error(.ruleFile(problem), at: mark, related: related)
    }

    /// Records a warning phrased per language at a mark.
    mutating func warning(_ text: DiagnosticText, at mark: YAMLMark) {
        diagnostics.append(.warning(text, at: mark.location(in: file)))
    }

    /// Records a warning at a mark.
    mutating func warning(_ message: String, at mark: YAMLMark) {
        diagnostics.append(.warning(message, at: mark.location(in: file)))
    }

    /// How a message names another place: `line 3, column 5` in the same file, `file:3:5` elsewhere.
    func describe(_ location: SourceLocation) -> String {
        guard location.file == file, let line = location.line else { return location.description }
        if let column = location.column { return "line \(line), column \(column)" }
        return "line \(line)"
    }
}
