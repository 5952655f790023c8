/// Reads a YAML document against a fixed set of keys, the way rule files are read: every problem
/// collected as a ``Diagnostic`` with `file:line:column`, unknown keys with a "did you mean"
/// suggestion, numbers and booleans read strictly.
///
/// For other YAML inputs of Fokus (the daemon's configuration), so that they behave like rule files.
package struct YAMLFieldReader: Sendable {
    private var context: LoadContext

    /// Creates a reader for the document parsed from `file`.
    package init(file: String) {
        context = LoadContext(file: file)
    }

    /// The file read.
    package var file: String { context.file }
    /// Every problem found so far.
    package var diagnostics: [Diagnostic] { context.diagnostics }
    /// Whether an error was found.
    package var hasErrors: Bool { context.hasErrors }

    /// Reads `node` as a mapping whose keys must be among `allowed`; reports unknown keys with a
    /// suggestion. Returns the allowed entries in the order written, or `nil` when not a mapping.
    package mutating func mapping(_ node: YAMLNode, named name: String, allowed: [String]) -> [(key: String, value: YAMLNode)]? {
        context.fields(of: node, named: name, allowed: allowed)?.entries.map { ($0.key, $0.value) }
    }

    /// Reads non-empty text.
    package mutating func text(_ node: YAMLNode, named name: String) -> String? { context.text(node, named: name) }
    /// Reads a number.
    package mutating func number(_ node: YAMLNode, named name: String) -> Double? { context.number(node, named: name) }
    /// Reads a whole number.
    package mutating func wholeNumber(_ node: YAMLNode, named name: String) -> Int? {
        context.wholeNumber(node, named: name)
    }
    /// Reads `true` or `false`.
    package mutating func boolean(_ node: YAMLNode, named name: String) -> Bool? { context.boolean(node, named: name) }
    /// Reads a list of text items (a single scalar is an error with a hint).
    package mutating func textList(_ node: YAMLNode, named name: String) -> [String]? {
        context.textList(node, named: name)?.map(\.text)
    }

    /// Reads one of `choices`, with a suggestion when the text is close to one.
    package mutating func choice(_ node: YAMLNode, named name: String, among choices: [String]) -> String? {
        guard let value = text(node, named: name) else { return nil }
        guard choices.contains(value) else {
            let problem = DiagnosticText.RuleFileProblem.cannotBe(
                name: name, value: value, suggestion: Suggestion.closest(to: value, among: choices), choices: choices)
            error(.ruleFile(problem), at: node)
            return nil
        }
        return value
    }

    /// Records an error at a node.
    package mutating func error(_ message: String, at node: YAMLNode) { context.error(message, at: node) }
    /// Records an error phrased per language at a node.
    package mutating func error(_ text: DiagnosticText, at node: YAMLNode) { context.error(text, at: node) }
    /// Records an error phrased per language at the start of the file.
    package mutating func error(_ text: DiagnosticText) {
        context.diagnostics.append(.error(text, at: SourceLocation(file: context.file)))
    }
    /// Records an error at the start of the file.
    package mutating func error(_ message: String) {
        context.diagnostics.append(.error(message, at: SourceLocation(file: context.file)))
    }
}
