/// One lexical unit of a `when:` expression, with where it sits in the source.
struct Token: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// A number literal (`0.3`, `2`, `1e-3`).
        case number(Double)
        /// A quoted string literal, without its quotes.
        case string(String)
        /// A name such as `trend.z` or `min` (dots included).
        case identifier(String)
        /// A reserved word.
        case keyword(Keyword)
        /// An operator or punctuation.
        case symbol(Symbol)
        /// The end of the source.
        case end
    }

    /// What the token is.
    var kind: Kind
    /// 0-based character offset of the first character.
    var offset: Int
    /// 0-based character offset just past the last character.
    var end: Int

    /// The token as written; `nil` for the end of the condition.
    func written(in source: [Character]) -> String? {
        if case .end = kind { return nil }
        return String(source[offset..<end])
    }
}

/// The reserved words of the expression language.
enum Keyword: String, Sendable, CaseIterable {
    case and, or, not, `in`, `true`, `false`
}

/// Operators and punctuation.
enum Symbol: String, Sendable, CaseIterable {
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case comma = ","
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
}
