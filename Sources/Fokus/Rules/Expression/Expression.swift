/// A parsed and type-checked `when:` condition.
///
/// Parse with `parse(_:)`; evaluate against one area's `AreaFacts` with `isSatisfied(by:)`.
///
/// The language (SPEC 4.1 "Rules"): the names `trend.z`, `trend.ratio`, `trend.latest`, `trend.baseline`,
/// `concern.raw`, `resources.raw`, `n.trend`, `n.concern`, `n.resources`, `score` (numbers), `area.id` (a string)
/// and `area.owners` (a list of strings); number literals with a decimal point (`0.3`, `2`, `1e-3`), strings
/// (`'a'` or `"a"`, no escapes), lists of literals (`['a', 'b']`), `true` and `false`; `+ - * /`, unary `-`,
/// `== != < <= > >=` (not chained), `in`, `not in`, `and`, `or`, `not`, parentheses, and `min(a, b, …)`,
/// `max(a, b, …)`, `abs(x)`. Types are checked when parsing.
public struct Expression: Sendable, CustomStringConvertible {
    /// The longest condition accepted, in characters.
    package static let maximumLength = 10_000
    /// The deepest nesting accepted: parentheses, `not`, unary minus, calls and lists each add a level, and so
    /// does every operator of a chain (`a + b + c` is three levels deep).
    package static let maximumDepth = 200

    /// The text as written.
    public let source: String
    /// The checked syntax tree.
    let root: ExpressionNode

    /// Parses and type-checks `source`, which must be a condition (true or false).
    /// - Throws: ``ExpressionError`` with the character offset of the problem.
    /// - Parameter signals: the declared signal ids, whose `ID.raw` and `n.ID` may be named (SPEC 4.3).
    package static func parse(_ source: String, signals: [String] = []) throws(ExpressionError) -> Expression {
        guard source.utf8.count <= maximumLength * 4, case let characters = Array(source),
            characters.count <= maximumLength
        else {
            throw ExpressionError(.tooLong(characters: maximumLength), offset: maximumLength)
        }
        var parser = try Parser(source: characters, signals: signals)
        let root = try parser.parse()
        try TypeChecker(source: characters).checkCondition(root)
        return Expression(source: source, root: root)
    }

    /// Whether the condition holds for an area (a comparison with a missing value is false).
    package func isSatisfied(by facts: AreaFacts) -> Bool {
        root.isSatisfied(by: facts)
    }

    /// The text as written.
    public var description: String { source }
}

/// A problem in a `when:` expression, at a character offset into its text.
package struct ExpressionError: Error, Sendable, Hashable {
    /// What is wrong, in plain words.
    package var message: String
    /// 0-based offset, in characters, of where the problem starts.
    package var offset: Int
    /// The message as an id with its figures, when it has one (see ``DiagnosticText/ExpressionProblem``).
    package var problem: DiagnosticText.ExpressionProblem?

    /// Creates an error.
    package init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
