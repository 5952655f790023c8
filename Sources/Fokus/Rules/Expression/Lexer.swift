/// Splits a `when:` expression into ``Token``s.
///
/// Offsets count `Character`s (grapheme clusters) from 0. The lexer is strict where users coming from
/// spreadsheets slip: a decimal comma (`0,3`), `=` for `==`, `&&`/`||`/`!` for `and`/`or`/`not`, and typographic
/// quotes all get their own message.
///
/// A comma written directly between two digits (`0,3`) is always read as a decimal comma and rejected, also
/// inside `min(…)` or a list: separate arguments and list items with `, ` (a space after the comma).
struct Lexer {
    private let source: [Character]
    private var position = 0

    init(_ source: [Character]) {
        self.source = source
    }

    /// All tokens of `source`, ending with one ``Token/Kind/end`` token at `source.count`.
    static func tokenize(_ source: [Character]) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        let index = position + ahead
        return index < source.count ? source[index] : nil
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while let character = peek(), character.isWhitespace { position += 1 }
        let start = position
        guard let character = peek() else { return Token(kind: .end, offset: start, end: start) }

        if character.isASCIIDigit { return try number() }
        if character == "." {
            if peek(1)?.isASCIIDigit == true {
                throw ExpressionError(.digitBeforePoint, offset: start)
            }
        }
        if character.isLetter || character == "_" { return identifier() }
        if character == "'" || character == "\"" { return try string(quote: character) }
        return try symbol()
    }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = position
        while peek()?.isASCIIDigit == true { position += 1 }
        if peek() == ",", peek(1)?.isASCIIDigit == true {
            var end = position + 1
            while end < source.count, source[end].isASCIIDigit { end += 1 }
            let written = String(source[start..<end])
            let meant = written.replacingFirst(",", with: ".")
            throw ExpressionError(.decimalComma(written: written, meant: meant), offset: start)
        }
        if peek() == "." {
            position += 1
            guard peek()?.isASCIIDigit == true else {
                throw ExpressionError(.digitAfterPoint, offset: start)
            }
            while peek()?.isASCIIDigit == true { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var ahead = 1
            if peek(ahead) == "+" || peek(ahead) == "-" { ahead += 1 }
            if peek(ahead)?.isASCIIDigit == true {
                position += ahead
                while peek()?.isASCIIDigit == true { position += 1 }
            }
        }
        let text = String(source[start..<position])
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError(.unusableNumber(text), offset: start)
        }
        return Token(kind: .number(value), offset: start, end: position)
    }

    private mutating func identifier() -> Token {
        let start = position
        while true {
            while let character = peek(), character.isLetter || character.isASCIIDigit || character == "_" {
                position += 1
            }
            // A dot continues the name only when a name part follows (`trend.z`).
            guard peek() == ".", let after = peek(1), after.isLetter || after == "_" else { break }
            position += 1
        }
        let text = String(source[start..<position])
        if let keyword = Keyword(rawValue: text) {
            return Token(kind: .keyword(keyword), offset: start, end: position)
        }
        return Token(kind: .identifier(text), offset: start, end: position)
    }

    private mutating func string(quote: Character) throws(ExpressionError) -> Token {
        let start = position
        position += 1
        var text = ""
        while let character = peek() {
            position += 1
            if character == quote { return Token(kind: .string(text), offset: start, end: position) }
            text.append(character)
        }
        throw ExpressionError(.unclosedString(quote: String(quote)), offset: start)
    }

    private mutating func symbol() throws(ExpressionError) -> Token {
        let start = position
        let character = source[position]
        let pair = peek(1).map { String([character, $0]) } ?? ""
        for candidate in [Symbol.equal, .notEqual, .lessEqual, .greaterEqual] where candidate.rawValue == pair {
            position += 2
            return Token(kind: .symbol(candidate), offset: start, end: position)
        }
        if let symbol = Symbol(rawValue: String(character)) {
            position += 1
            return Token(kind: .symbol(symbol), offset: start, end: position)
        }
        let problem: DiagnosticText.ExpressionProblem
        switch character {
        case "=": problem = .useDoubleEquals
        case "!": problem = .useNot
        case "&": problem = .useAnd
        case "|": problem = .useOr
        case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}":
            problem = .straightQuotes
        case "\u{2212}", "\u{2013}", "\u{2014}": problem = .asciiMinus
        case "\u{2264}": problem = .writeOperator("<=")
        case "\u{2265}": problem = .writeOperator(">=")
        case "\u{2260}": problem = .writeOperator("!=")
        default: problem = .unexpectedCharacter(String(character))
        }
        throw ExpressionError(problem, offset: start)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: Character, with replacement: Character) -> String {
        guard let index = firstIndex(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(index...index, with: String(replacement))
        return copy
    }
}
