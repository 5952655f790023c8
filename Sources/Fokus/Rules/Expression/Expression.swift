/// A parsed and type-checked `when:` condition.
///
/// Parse with ``parse(_:)``; evaluate against one area's ``AreaFacts`` with ``isSatisfied(by:)``.
public struct Expression: Sendable, CustomStringConvertible {
    /// The text as written.
    public let source: String

    /// Parses and type-checks `source`, which must be a condition (true or false).
    /// - Throws: ``ExpressionError`` with the character offset of the problem.
    public static func parse(_ source: String) throws(ExpressionError) -> Expression {
        throw ExpressionError(message: "the expression language is not built yet", offset: 0)
    }

    /// Whether the condition holds for an area (a comparison with a missing value is false).
    public func isSatisfied(by facts: AreaFacts) -> Bool {
        false
    }

    public var description: String { source }
}

/// A problem in a `when:` expression, at a character offset into its text.
public struct ExpressionError: Error, Sendable, Hashable {
    /// What is wrong, in plain words.
    public var message: String
    /// 0-based offset, in characters, of where the problem starts.
    public var offset: Int

    /// Creates an error.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
