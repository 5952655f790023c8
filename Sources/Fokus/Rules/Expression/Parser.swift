/// Builds an ``ExpressionNode`` tree from ``Token``s by precedence climbing.
///
/// Binding strength, loosest first (SPEC 4.1):
///
/// | Level | Operators | Form |
/// |---|---|---|
/// | 1 | `or` | left-associative |
/// | 2 | `and` | left-associative |
/// | 3 | `not` | prefix |
/// | 4 | `== != < <= > >= in` `not in` | non-associative: `a < b < c` is an error |
/// | 5 | `+ -` | left-associative |
/// | 6 | `* /` | left-associative |
/// | 7 | unary `-` | prefix |
///
/// Names are resolved here (an unknown name is an error at its offset); types are checked afterwards by
/// ``TypeChecker``.
struct Parser {
    private let source: [Character]
    private let tokens: [Token]
    /// The declared signal ids, whose `ID.raw` and `n.ID` are names too (SPEC 4.3).
    private let signals: [String]
    private var index = 0
    /// How many parentheses, prefix operators, calls and lists enclose the current token.
    private var nesting = 0

    private enum Level {
        static let or = 1
        static let and = 2
        static let not = 3
        static let comparison = 4
        static let additive = 5
        static let multiplicative = 6
        static let unary = 7
    }

    init(source: [Character], signals: [String] = []) throws(ExpressionError) {
        self.source = source
        self.signals = signals
        self.tokens = try Lexer.tokenize(source)
    }

    /// Parses the whole source as one expression.
    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        if current.kind == .end {
            throw ExpressionError(.empty, offset: 0)
        }
        let node = try expression(Level.or)
        guard current.kind == .end else {
            if case .identifier(let name) = current.kind, let keyword = Keyword(rawValue: name.lowercased()) {
                throw ExpressionError(.lowerCase(keyword: keyword.rawValue), offset: current.offset)
            }
            throw ExpressionError(.afterComplete(token: current.written(in: source)), offset: current.offset)
        }
        return node
    }

    // MARK: Tokens

    private var current: Token { tokens[index] }

    private func token(after offset: Int) -> Token {
        tokens[Swift.min(index + offset, tokens.count - 1)]
    }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    // MARK: Precedence climbing

    /// A binary operator at the current token: its level, how many tokens it spans, and how to build it.
    private struct BinaryOperator {
        enum Kind {
            case arithmetic(ArithmeticOperator)
            case comparison(ComparisonOperator)
            case membership(negated: Bool)
            case logical(LogicalOperator)
        }
        var kind: Kind
        var level: Int
        var tokenCount: Int
    }

    private var binaryOperator: BinaryOperator? {
        switch current.kind {
        case .keyword(.or): BinaryOperator(kind: .logical(.or), level: Level.or, tokenCount: 1)
        case .keyword(.and): BinaryOperator(kind: .logical(.and), level: Level.and, tokenCount: 1)
        case .keyword(.in): BinaryOperator(kind: .membership(negated: false), level: Level.comparison, tokenCount: 1)
        case .keyword(.not) where token(after: 1).kind == .keyword(.in):
            BinaryOperator(kind: .membership(negated: true), level: Level.comparison, tokenCount: 2)
        case .symbol(let symbol):
            switch symbol {
            case .plus: BinaryOperator(kind: .arithmetic(.add), level: Level.additive, tokenCount: 1)
            case .minus: BinaryOperator(kind: .arithmetic(.subtract), level: Level.additive, tokenCount: 1)
            case .star: BinaryOperator(kind: .arithmetic(.multiply), level: Level.multiplicative, tokenCount: 1)
            case .slash: BinaryOperator(kind: .arithmetic(.divide), level: Level.multiplicative, tokenCount: 1)
            case .equal: BinaryOperator(kind: .comparison(.equal), level: Level.comparison, tokenCount: 1)
            case .notEqual: BinaryOperator(kind: .comparison(.notEqual), level: Level.comparison, tokenCount: 1)
            case .less: BinaryOperator(kind: .comparison(.less), level: Level.comparison, tokenCount: 1)
            case .lessEqual: BinaryOperator(kind: .comparison(.lessOrEqual), level: Level.comparison, tokenCount: 1)
            case .greater: BinaryOperator(kind: .comparison(.greater), level: Level.comparison, tokenCount: 1)
            case .greaterEqual:
                BinaryOperator(kind: .comparison(.greaterOrEqual), level: Level.comparison, tokenCount: 1)
            default: nil
            }
        default: nil
        }
    }

    /// Parses an expression whose binary operators all bind at least as tightly as `minimum`.
    private mutating func expression(_ minimum: Int) throws(ExpressionError) -> ExpressionNode {
        var left = try prefixed(minimum)
        var leftIsComparison = false
        while let op = binaryOperator, op.level >= minimum {
            let operatorToken = current
            if op.level == Level.comparison, leftIsComparison {
                throw ExpressionError(.chainedComparison, offset: operatorToken.offset)
            }
            for _ in 0..<op.tokenCount { _ = advance() }
            let right = try expression(op.level + 1)
            let range = left.range.lowerBound..<right.range.upperBound
            let at = operatorToken.offset
            let kind: ExpressionNode.Kind
            switch op.kind {
            case .arithmetic(let arithmetic): kind = .arithmetic(arithmetic, at: at, left, right)
            case .comparison(let comparison): kind = .comparison(comparison, at: at, left, right)
            case .membership(let negated): kind = .membership(negated: negated, at: at, left, right)
            case .logical(let logical): kind = .logical(logical, at: at, left, right)
            }
            left = ExpressionNode(kind: kind, range: range)
            if left.depth > Expression.maximumDepth { throw Self.tooDeep(at: at) }
            leftIsComparison = op.level == Level.comparison
        }
        return left
    }

    private static func tooDeep(at offset: Int) -> ExpressionError {
        ExpressionError(.tooDeep(levels: Expression.maximumDepth), offset: offset)
    }

    /// Enters one more level of nesting at `offset`, or refuses past ``Expression/maximumDepth``.
    private mutating func enter(at offset: Int) throws(ExpressionError) {
        nesting += 1
        if nesting > Expression.maximumDepth { throw Self.tooDeep(at: offset) }
    }

    /// Parses a prefix operator (`not`, unary `-`) and its operand, or a primary expression.
    private mutating func prefixed(_ minimum: Int) throws(ExpressionError) -> ExpressionNode {
        let start = current
        switch start.kind {
        case .keyword(.not), .symbol(.minus), .symbol(.leftParen), .symbol(.leftBracket), .identifier:
            try enter(at: start.offset)
        default:
            return try prefixedAtCurrentLevel(minimum)
        }
        defer { nesting -= 1 }
        let node = try prefixedAtCurrentLevel(minimum)
        if node.depth > Expression.maximumDepth { throw Self.tooDeep(at: start.offset) }
        return node
    }

    private mutating func prefixedAtCurrentLevel(_ minimum: Int) throws(ExpressionError) -> ExpressionNode {
        let start = current
        switch start.kind {
        case .keyword(.not):
            guard minimum <= Level.not else {
                throw ExpressionError(.notNeedsParentheses, offset: start.offset)
            }
            _ = advance()
            let operand = try expression(Level.not)
            return ExpressionNode(kind: .not(operand), range: start.offset..<operand.range.upperBound)
        case .symbol(.minus):
            _ = advance()
            let operand = try expression(Level.unary)
            return ExpressionNode(kind: .negate(operand), range: start.offset..<operand.range.upperBound)
        default:
            return try primary()
        }
    }

    // MARK: Primary expressions

    private mutating func primary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        let range = token.offset..<token.end
        switch token.kind {
        case .number(let value):
            _ = advance()
            return ExpressionNode(kind: .number(value), range: range)
        case .string(let text):
            _ = advance()
            return ExpressionNode(kind: .string(text), range: range)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return ExpressionNode(kind: .boolean(token.kind == .keyword(.true)), range: range)
        case .identifier(let name):
            _ = advance()
            if current.kind == .symbol(.leftParen) { return try call(name, at: token) }
            return ExpressionNode(kind: .variable(try variable(name, at: token)), range: range)
        case .symbol(.leftParen):
            _ = advance()
            var inner = try expression(Level.or)
            try close(.rightParen, opener: token, what: "(")
            inner.range = token.offset..<tokens[index - 1].end
            return inner
        case .symbol(.leftBracket):
            return try list()
        case .end:
            throw ExpressionError(.endsTooEarly, offset: token.offset)
        default:
            throw ExpressionError(.expectedValue(found: token.written(in: source)), offset: token.offset)
        }
    }

    /// Consumes `symbol`, or reports the unclosed `opener` (at the end) or the unexpected token.
    private mutating func close(_ symbol: Symbol, opener: Token, what: String) throws(ExpressionError) {
        if current.kind == .symbol(symbol) {
            _ = advance()
            return
        }
        if current.kind == .end {
            throw ExpressionError(.neverClosed(opener: what, closer: symbol.rawValue), offset: opener.offset)
        }
        throw ExpressionError(.expectedCloser(closer: symbol.rawValue, found: current.written(in: source)), offset: current.offset)
    }

    private mutating func list() throws(ExpressionError) -> ExpressionNode {
        let opener = advance()
        var elements: [ExpressionNode] = []
        if current.kind != .symbol(.rightBracket) {
            repeat {
                if !elements.isEmpty { _ = advance() }  // the comma
                elements.append(try listElement())
            } while current.kind == .symbol(.comma)
        }
        try close(.rightBracket, opener: opener, what: "[")
        return ExpressionNode(kind: .list(elements), range: opener.offset..<tokens[index - 1].end)
    }

    /// A literal in a list: a number (optionally negative), a string, `true` or `false`.
    private mutating func listElement() throws(ExpressionError) -> ExpressionNode {
        let first = current
        switch first.kind {
        case .number, .string, .keyword(.true), .keyword(.false):
            return try primary()
        case .symbol(.minus):
            if case .number(let value) = token(after: 1).kind {
                _ = advance()
                let number = advance()
                return ExpressionNode(kind: .number(-value), range: first.offset..<number.end)
            }
        case .end:
            throw ExpressionError(.neverClosed(opener: "[", closer: "]"), offset: openBracketOffset())
        default:
            break
        }
        throw ExpressionError(.listLiteralsOnly(found: first.written(in: source)), offset: first.offset)
    }

    /// The offset of the innermost `[` before the current token.
    private func openBracketOffset() -> Int {
        tokens[..<index].last { $0.kind == .symbol(.leftBracket) }?.offset ?? current.offset
    }

    private mutating func call(_ name: String, at nameToken: Token) throws(ExpressionError) -> ExpressionNode {
        guard let function = Function(rawValue: name) else {
            let functions = Function.allCases.map(\.rawValue)
            let problem: DiagnosticText.ExpressionProblem =
                Variable(name: name, signals: signals) != nil
                ? .notAFunction(name: name, functions: functions)
                : .unknownFunction(name: name, suggestion: ExpressionHint.closest(to: name, among: functions), functions: functions)
            throw ExpressionError(problem, offset: nameToken.offset)
        }
        let opener = advance()
        var arguments: [ExpressionNode] = []
        if current.kind != .symbol(.rightParen) {
            repeat {
                if !arguments.isEmpty { _ = advance() }  // the comma
                arguments.append(try expression(Level.or))
            } while current.kind == .symbol(.comma)
        }
        try close(.rightParen, opener: opener, what: "(")
        guard function.arity.contains(arguments.count) else {
            throw ExpressionError(
                .arity(name: name, exactlyOne: function == .abs, got: arguments.count), offset: nameToken.offset)
        }
        return ExpressionNode(kind: .call(function, arguments), range: nameToken.offset..<tokens[index - 1].end)
    }

    private func variable(_ name: String, at token: Token) throws(ExpressionError) -> Variable {
        if let variable = Variable(name: name, signals: signals) { return variable }
        let problem: DiagnosticText.ExpressionProblem
        if Function(rawValue: name) != nil {
            let example = name == Function.abs.rawValue ? "abs(trend.z)" : "\(name)(trend.z, 2)"
            problem = .functionNotCalled(name: name, example: example)
        } else if let keyword = Keyword(rawValue: name.lowercased()) {
            problem = .lowerCase(keyword: keyword.rawValue)
        } else {
            problem = .unknownName(name: name, hint: ExpressionHint.nameHint(for: name, signals: signals))
        }
        throw ExpressionError(problem, offset: token.offset)
    }
}
