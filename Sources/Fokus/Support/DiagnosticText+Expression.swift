/// Mistakes in a `when:` condition (lexer, parser and type checker), phrased in each language.
extension DiagnosticText {
    /// Where an expression's text was written, which opens the message.
    public enum ExpressionPlace: Sendable, Hashable {
        /// A rule's `when:`.
        case when
        /// The condition given on the command line (`fokus eval-expr`).
        case commandLine
    }

    /// The type of a value in a condition, as messages name it.
    public enum ExpressionType: Sendable, Hashable {
        case number, string, condition, emptyList, listOfNumbers, listOfStrings, listOfConditions, listOfLists

        var english: String {
            switch self {
            case .number: "a number"
            case .string: "a string"
            case .condition: "a condition (true or false)"
            case .emptyList: "an empty list"
            case .listOfNumbers: "a list of numbers"
            case .listOfStrings: "a list of strings"
            case .listOfConditions: "a list of true/false values"
            case .listOfLists: "a list of lists"
            }
        }

        var swedish: String {
            switch self {
            case .number: "ett tal"
            case .string: "en text"
            case .condition: "ett villkor (sant eller falskt)"
            case .emptyList: "en tom lista"
            case .listOfNumbers: "en lista med tal"
            case .listOfStrings: "en lista med texter"
            case .listOfConditions: "en lista med true/false-värden"
            case .listOfLists: "en lista med listor"
            }
        }

        /// `numbers`, `strings`: the elements of a list of this type.
        var englishPlural: String {
            switch self {
            case .number: "numbers"
            case .string: "strings"
            case .condition: "true/false values"
            default: "lists"
            }
        }

        var swedishPlural: String {
            switch self {
            case .number: "tal"
            case .string: "texter"
            case .condition: "true/false-värden"
            default: "listor"
            }
        }
    }

    /// What an operand must be, which opens a type error (`` `-` needs a number ``).
    public enum ExpressionRequirement: Sendable, Hashable {
        case negationNeedsNumber
        case notNeedsCondition
        case arithmeticNeedsNumbers(op: String)
        case logicalJoinsConditions(op: String)
        case functionNeedsNumbers(name: String)
        case orderingComparesNumbers(op: String)

        var english: String {
            switch self {
            case .negationNeedsNumber: "`-` needs a number"
            case .notNeedsCondition: "`not` needs a condition"
            case .arithmeticNeedsNumbers(let op): "`\(op)` needs numbers"
            case .logicalJoinsConditions(let op): "`\(op)` joins conditions"
            case .functionNeedsNumbers(let name): "`\(name)` needs numbers"
            case .orderingComparesNumbers(let op): "`\(op)` compares numbers"
            }
        }

        var swedish: String {
            switch self {
            case .negationNeedsNumber: "`-` behöver ett tal"
            case .notNeedsCondition: "`not` behöver ett villkor"
            case .arithmeticNeedsNumbers(let op): "`\(op)` behöver tal"
            case .logicalJoinsConditions(let op): "`\(op)` binder ihop villkor"
            case .functionNeedsNumbers(let name): "`\(name)` behöver tal"
            case .orderingComparesNumbers(let op): "`\(op)` jämför tal"
            }
        }
    }

    /// The help after "unknown name": one close name, several, or every name.
    public enum NameHint: Sendable, Hashable {
        case one(String)
        case oneOf([String])
        case all([String])
    }

    /// What is wrong in a condition. A token is `nil` for the end of the condition.
    public enum ExpressionProblem: Sendable, Hashable {
        // The lexer.
        case digitBeforePoint
        case decimalComma(written: String, meant: String)
        case digitAfterPoint
        case unusableNumber(String)
        case unclosedString(quote: String)
        case useDoubleEquals
        case useNot
        case useAnd
        case useOr
        case straightQuotes
        case asciiMinus
        case writeOperator(String)
        case unexpectedCharacter(String)
        // The parser.
        case empty
        case tooLong(characters: Int)
        case tooDeep(levels: Int)
        case lowerCase(keyword: String)
        case afterComplete(token: String?)
        case chainedComparison
        case notNeedsParentheses
        case endsTooEarly
        case expectedValue(found: String?)
        case neverClosed(opener: String, closer: String)
        case expectedCloser(closer: String, found: String?)
        case listLiteralsOnly(found: String?)
        case notAFunction(name: String, functions: [String])
        case unknownFunction(name: String, suggestion: String?, functions: [String])
        case arity(name: String, exactlyOne: Bool, got: Int)
        case functionNotCalled(name: String, example: String)
        case unknownName(name: String, hint: NameHint)
        // The type checker.
        case notACondition(text: String, type: ExpressionType, example: String)
        case mixedList(element: String, type: ExpressionType, first: ExpressionType)
        case cannotCompareLists(op: String, text: String, type: ExpressionType)
        case differentTypes(op: String, left: String, leftType: ExpressionType, right: String, rightType: ExpressionType)
        case membershipOfList(negated: Bool, text: String, type: ExpressionType)
        case membershipNeedsList(negated: Bool, text: String, type: ExpressionType)
        case membershipElementType(left: String, leftType: ExpressionType, right: String, elementType: ExpressionType)
        case wrongType(ExpressionRequirement, text: String, type: ExpressionType, suggestCompare: Bool)

        private static func names(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }

        var english: String {
            let token = { (token: String?) in token.map { "`\($0)`" } ?? "the end of the condition" }
            switch self {
            case .digitBeforePoint: return "write a digit before the decimal point, e.g. `0.5`"
            case .decimalComma(let written, let meant):
                return "`\(written)`: use a decimal point, `\(meant)` (to separate arguments or list items, put a space after the comma)"
            case .digitAfterPoint: return "write a digit after the decimal point, e.g. `2.0`"
            case .unusableNumber(let text): return "`\(text)` is not a number Fokus can use"
            case .unclosedString(let quote): return "this string has no closing \(quote)"
            case .useDoubleEquals: return "use `==` to compare"
            case .useNot: return "use `not` to negate a condition (`!=` means 'differs from')"
            case .useAnd: return "use `and` to join conditions"
            case .useOr: return "use `or` to join conditions"
            case .straightQuotes: return "use straight quotes, 'text' or \"text\", around a string"
            case .asciiMinus: return "use `-` (the ASCII hyphen-minus) to subtract"
            case .writeOperator(let op): return "write `\(op)`"
            case .unexpectedCharacter(let character): return "unexpected character `\(character)`"
            case .empty: return "the condition is empty; write one, e.g. `trend.z >= 2`"
            case .tooLong(let characters):
                return "the condition is longer than \(characters) characters; split it into several rules"
            case .tooDeep(let levels):
                return "the condition nests more than \(levels) levels deep (parentheses, operators and calls); "
                    + "write it more simply or split it into several rules"
            case .lowerCase(let keyword): return "write `\(keyword)` in lower case"
            case .afterComplete(let found):
                return "unexpected \(token(found)) after a complete expression; join conditions with `and` or `or`"
            case .chainedComparison: return "comparisons do not chain; write `a < b and b < c`"
            case .notNeedsParentheses: return "`not` applies to a whole condition here; put it in parentheses, `(not …)`"
            case .endsTooEarly: return "the condition ends too early; a value or name is missing"
            case .expectedValue(let found): return "expected a value or name, found \(token(found))"
            case .neverClosed(let opener, let closer): return "this `\(opener)` is never closed with `\(closer)`"
            case .expectedCloser(let closer, let found): return "expected `\(closer)` or an operator, found \(token(found))"
            case .listLiteralsOnly(let found):
                return "a list holds only literal values (numbers, 'text', true, false), found \(token(found))"
            case .notAFunction(let name, let functions):
                return "`\(name)` is not a function; functions are \(Self.names(functions))"
            case .unknownFunction(let name, let suggestion?, _): return "unknown function `\(name)`; did you mean `\(suggestion)`?"
            case .unknownFunction(let name, nil, let functions):
                return "unknown function `\(name)`; functions are \(Self.names(functions))"
            case .arity(let name, let exactlyOne, let got):
                return "`\(name)` takes \(exactlyOne ? "exactly one argument" : "at least two arguments"), got \(got)"
            case .functionNotCalled(let name, let example): return "`\(name)` is a function; call it, e.g. `\(example)`"
            case .unknownName(let name, let hint):
                let help: String
                switch hint {
                case .one(let match): help = "did you mean `\(match)`?"
                case .oneOf(let matches): help = "did you mean one of \(Self.names(matches))?"
                case .all(let names): help = "the names are \(Self.names(names))"
                }
                return "unknown name `\(name)`; " + help
            case .notACondition(let text, let type, let example):
                return "`\(text)` is \(type.english); a condition must be true or false, e.g. \(example)"
            case .mixedList(let element, let type, let first):
                return "a list holds values of one type: `\(element)` is \(type.english), but the list starts with \(first.englishPlural)"
            case .cannotCompareLists(let op, let text, let type):
                return "`\(op)` cannot compare lists (`\(text)` is \(type.english)); use `in` to test membership, "
                    + "e.g. `'polis' in area.owners`"
            case .differentTypes(let op, let left, let leftType, let right, let rightType):
                return
                    "`\(op)` compares values of the same type, but `\(left)` is \(leftType.english) and `\(right)` is \(rightType.english)"
            case .membershipOfList(let negated, let text, let type):
                return "\(negated ? "`not in`" : "`in`") tests one value, but `\(text)` is \(type.english)"
            case .membershipNeedsList(let negated, let text, let type):
                return "\(negated ? "`not in`" : "`in`") needs a list on its right, e.g. `area.id in ['a', 'b']`, but "
                    + "`\(text)` is \(type.english)"
            case .membershipElementType(let left, let leftType, let right, let elementType):
                return "`\(left)` is \(leftType.english), but `\(right)` holds \(elementType.englishPlural)"
            case .wrongType(let requirement, let text, let type, let suggestCompare):
                return "\(requirement.english), but `\(text)` is \(type.english)"
                    + (suggestCompare ? "; compare it, e.g. `\(text) >= 2`" : "")
            }
        }

        var swedish: String {
            let token = { (token: String?) in token.map { "`\($0)`" } ?? "slutet av villkoret" }
            switch self {
            case .digitBeforePoint: return "skriv en siffra före decimalpunkten, till exempel `0.5`"
            case .decimalComma(let written, let meant):
                return "`\(written)`: använd decimalpunkt, `\(meant)` (för att skilja argument eller delar av en lista åt, "
                    + "sätt ett mellanslag efter kommat)"
            case .digitAfterPoint: return "skriv en siffra efter decimalpunkten, till exempel `2.0`"
            case .unusableNumber(let text): return "`\(text)` är inget tal som Fokus kan använda"
            case .unclosedString(let quote): return "texten saknar avslutande \(quote)"
            case .useDoubleEquals: return "jämför med `==`"
            case .useNot: return "skriv `not` för att vända på ett villkor (`!=` betyder ”skiljer sig från”)"
            case .useAnd: return "bind ihop villkor med `and`"
            case .useOr: return "bind ihop villkor med `or`"
            case .straightQuotes: return "sätt raka citattecken, 'text' eller \"text\", runt en text"
            case .asciiMinus: return "skriv `-` (det vanliga bindestrecket) för minus"
            case .writeOperator(let op): return "skriv `\(op)`"
            case .unexpectedCharacter(let character): return "oväntat tecken `\(character)`"
            case .empty: return "villkoret är tomt; skriv ett, till exempel `trend.z >= 2`"
            case .tooLong(let characters):
                return "villkoret är längre än \(characters) tecken; dela upp det på flera regler"
            case .tooDeep(let levels):
                return "villkoret är nästlat i mer än \(levels) nivåer (parenteser, operatorer och anrop); "
                    + "skriv det enklare eller dela upp det på flera regler"
            case .lowerCase(let keyword): return "skriv `\(keyword)` med små bokstäver"
            case .afterComplete(let found):
                return "oväntat \(token(found)) efter ett färdigt uttryck; bind ihop villkor med `and` eller `or`"
            case .chainedComparison: return "jämförelser kan inte kedjas; skriv `a < b and b < c`"
            case .notNeedsParentheses: return "`not` gäller ett helt villkor här; sätt det inom parentes, `(not …)`"
            case .endsTooEarly: return "villkoret tar slut för tidigt; ett värde eller namn saknas"
            case .expectedValue(let found): return "här ska det stå ett värde eller namn, men det står \(token(found))"
            case .neverClosed(let opener, let closer): return "`\(opener)` stängs aldrig; avslutande `\(closer)` saknas"
            case .expectedCloser(let closer, let found):
                return "här ska det stå `\(closer)` eller en operator, men det står \(token(found))"
            case .listLiteralsOnly(let found):
                return "en lista kan bara innehålla fasta värden (tal, 'text', true, false), men här står \(token(found))"
            case .notAFunction(let name, let functions):
                return "`\(name)` är ingen funktion; funktionerna är \(Self.names(functions))"
            case .unknownFunction(let name, let suggestion?, _): return "okänd funktion `\(name)`; menade du `\(suggestion)`?"
            case .unknownFunction(let name, nil, let functions):
                return "okänd funktion `\(name)`; funktionerna är \(Self.names(functions))"
            case .arity(let name, let exactlyOne, let got):
                return "`\(name)` tar \(exactlyOne ? "exakt ett argument" : "minst två argument"), men fick \(got)"
            case .functionNotCalled(let name, let example): return "`\(name)` är en funktion; anropa den, till exempel `\(example)`"
            case .unknownName(let name, let hint):
                let help: String
                switch hint {
                case .one(let match): help = "menade du `\(match)`?"
                case .oneOf(let matches): help = "menade du något av \(Self.names(matches))?"
                case .all(let names): help = "namnen är \(Self.names(names))"
                }
                return "okänt namn `\(name)`; " + help
            case .notACondition(let text, let type, let example):
                return "`\(text)` är \(type.swedish); ett villkor måste vara sant eller falskt, till exempel \(example)"
            case .mixedList(let element, let type, let first):
                return
                    "en lista innehåller värden av en och samma typ: `\(element)` är \(type.swedish), men listan börjar med \(first.swedishPlural)"
            case .cannotCompareLists(let op, let text, let type):
                return "`\(op)` kan inte jämföra listor (`\(text)` är \(type.swedish)); pröva om ett värde finns i listan med `in`, "
                    + "till exempel `'polis' in area.owners`"
            case .differentTypes(let op, let left, let leftType, let right, let rightType):
                return "`\(op)` jämför värden av samma typ, men `\(left)` är \(leftType.swedish) och `\(right)` är \(rightType.swedish)"
            case .membershipOfList(let negated, let text, let type):
                return "\(negated ? "`not in`" : "`in`") prövar ett enda värde, men `\(text)` är \(type.swedish)"
            case .membershipNeedsList(let negated, let text, let type):
                return "\(negated ? "`not in`" : "`in`") behöver en lista till höger, till exempel `area.id in ['a', 'b']`, men "
                    + "`\(text)` är \(type.swedish)"
            case .membershipElementType(let left, let leftType, let right, let elementType):
                return "`\(left)` är \(leftType.swedish), men `\(right)` innehåller \(elementType.swedishPlural)"
            case .wrongType(let requirement, let text, let type, let suggestCompare):
                return "\(requirement.swedish), men `\(text)` är \(type.swedish)"
                    + (suggestCompare ? "; jämför det, till exempel `\(text) >= 2`" : "")
            }
        }
    }
}

extension ExpressionError {
    /// An error whose message has an id: its English ``message`` is `problem`'s English phrasing.
    public init(_ problem: DiagnosticText.ExpressionProblem, offset: Int) {
        self.init(message: problem.message(in: .en), offset: offset)
        self.problem = problem
    }
}
