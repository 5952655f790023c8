import Testing

@testable import Fokus

/// Facts for an area with every factor present.
private let present = AreaFacts(
    trendZ: 2.5, trendRatio: 1.8, trendLatest: 18, trendBaseline: 10, concernRaw: 0.4, resourcesRaw: 1,
    nTrend: 0.8, nConcern: 0.4, nResources: 1, score: 0.6, areaID: "trafik", owners: ["polis", "kommun"])

/// Facts for an area with every factor missing and no owners.
private let missing = AreaFacts(score: 0.5, areaID: "park")

struct EvaluationCase: Sendable, CustomTestStringConvertible {
    var source: String
    var facts: AreaFacts
    var expected: Bool

    init(_ source: String, _ facts: AreaFacts, _ expected: Bool) {
        self.source = source
        self.facts = facts
        self.expected = expected
    }

    var testDescription: String { "\(source) for \(facts.areaID) is \(expected)" }
}

struct ErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var offset: Int
    var message: String

    init(_ source: String, at offset: Int, _ message: String) {
        self.source = source
        self.offset = offset
        self.message = message
    }

    var testDescription: String { source }
}

struct ExpressionTests {
    static let precedence: [EvaluationCase] = [
        // `not a or b` is `(not a) or b`.
        EvaluationCase("not trend.z >= 2 or score > 0.5", present, true),
        // `not a and b` is `(not a) and b`.
        EvaluationCase("not score > 0.5 and trend.z >= 3", present, false),
        // `a or b and c` is `a or (b and c)`.
        EvaluationCase("score > 0.5 or trend.z > 3 and n.trend > 0.9", present, true),
        EvaluationCase("(score > 0.5 or trend.z > 3) and n.trend > 0.9", present, false),
        EvaluationCase("not 'polis' in area.owners", present, false),
        EvaluationCase("1 + 2 * 3 == 7", present, true),
        EvaluationCase("(1 + 2) * 3 == 9", present, true),
        EvaluationCase("10 - 4 - 3 == 3", present, true),
        EvaluationCase("12 / 3 / 2 == 2", present, true),
        EvaluationCase("-2 * 3 == -6", present, true),
        EvaluationCase("- - 2 == 2", present, true),
        EvaluationCase("2 - -1 == 3", present, true),
        EvaluationCase("-trend.z + 3 == 0.5", present, true),
        EvaluationCase("trend.latest / trend.baseline >= 1.8", present, true),
        EvaluationCase("1e-3 < 0.01 and 2 == 2.0 and 1E2 == 100", present, true),
        EvaluationCase("true", present, true),
        EvaluationCase("false or true", present, true),
        EvaluationCase("(score > 0.5) == true", present, true),
        EvaluationCase("score >= 0.6\n  and\ttrend.z > 2", present, true),
    ]

    static let missingValues: [EvaluationCase] = [
        EvaluationCase("trend.z >= 2", present, true),
        EvaluationCase("trend.z >= 2", missing, false),
        EvaluationCase("trend.z < 2", missing, false),
        EvaluationCase("not (trend.z >= 2)", missing, true),
        EvaluationCase("trend.z != 1", present, true),
        EvaluationCase("trend.z != 1", missing, false),
        EvaluationCase("trend.z == trend.z", missing, false),
        EvaluationCase("trend.z + 1 >= 2", missing, false),
        EvaluationCase("-trend.z <= 0", missing, false),
        EvaluationCase("score >= 0.5 and concern.raw > 0.3", missing, false),
        EvaluationCase("score >= 0.5 or concern.raw > 0.3", missing, true),
        // The comparison inside is false, and `false == false` holds: `not` and `==` see only true/false.
        EvaluationCase("(trend.z > 1) == false", missing, true),
        EvaluationCase("score / 0 > 0", present, false),
        EvaluationCase("score / 0 != 1", present, false),
        EvaluationCase("not (score / 0 > 0)", present, true),
        EvaluationCase("0 / 0 == 0", present, false),
        EvaluationCase("score / (trend.z - 2.5) < 1", present, false),
        EvaluationCase("min(trend.z, 2) == 2", present, true),
        EvaluationCase("max(trend.z, 2, 3) == 3", present, true),
        EvaluationCase("abs(-trend.z) == 2.5", present, true),
        EvaluationCase("abs(-1.5) == 1.5", present, true),
        EvaluationCase("min(trend.z, 1) < 5", missing, false),
        EvaluationCase("max(score, trend.z) > 0", missing, false),
        EvaluationCase("abs(trend.z) >= 0", missing, false),
        EvaluationCase("max(score, 2) == 2", missing, true),
    ]

    static let membershipAndStrings: [EvaluationCase] = [
        EvaluationCase("area.id in ['trafik', 'park']", present, true),
        EvaluationCase("area.id in [\"centrum\"]", present, false),
        EvaluationCase("area.id not in ['x']", present, true),
        EvaluationCase("'polis' in area.owners", present, true),
        EvaluationCase("'polis' in area.owners", missing, false),
        EvaluationCase("'Polis' in area.owners", present, false),
        EvaluationCase("'polis' not in area.owners", present, false),
        EvaluationCase("'polis' not in area.owners", missing, true),
        EvaluationCase("trend.z in [2.5, 3]", present, true),
        EvaluationCase("trend.z in [-1, 2.5]", present, true),
        EvaluationCase("trend.z in [2.5]", missing, false),
        EvaluationCase("trend.z not in [1]", missing, false),
        EvaluationCase("2 in []", present, false),
        EvaluationCase("2 not in []", present, true),
        EvaluationCase("true in [false, true]", present, true),
        EvaluationCase("area.id == \"trafik\"", present, true),
        EvaluationCase("area.id == 'Trafik'", present, false),
        EvaluationCase("area.id != 'park'", present, true),
        EvaluationCase("area.id == \"it's\"", AreaFacts(score: 0, areaID: "it's"), true),
        // Exact: a decomposed é is not the composed one.
        EvaluationCase("area.id == 'cafe\u{301}'", AreaFacts(score: 0, areaID: "caf\u{E9}"), false),
        EvaluationCase("area.id == 'caf\u{E9}'", AreaFacts(score: 0, areaID: "caf\u{E9}"), true),
    ]

    @Test(arguments: precedence + missingValues + membershipAndStrings)
    func evaluates(_ testCase: EvaluationCase) throws {
        let expression = try Expression.parse(testCase.source)
        #expect(expression.isSatisfied(by: testCase.facts) == testCase.expected)
        #expect(expression.description == testCase.source)
    }

    static let errors: [ErrorCase] = [
        ErrorCase("", at: 0, "the condition is empty; write one, e.g. `trend.z >= 2`"),
        ErrorCase("   ", at: 0, "the condition is empty; write one, e.g. `trend.z >= 2`"),
        ErrorCase("trend.zz > 1", at: 0, "unknown name `trend.zz`; did you mean `trend.z`?"),
        ErrorCase("score > 0 and tren.z > 1", at: 14, "unknown name `tren.z`; did you mean `trend.z`?"),
        ErrorCase("n_trend > 0.5", at: 0, "unknown name `n_trend`; did you mean `n.trend`?"),
        ErrorCase("id == 'a'", at: 0, "unknown name `id`; did you mean `area.id`?"),
        ErrorCase(
            "trend > 1", at: 0,
            "unknown name `trend`; did you mean one of `trend.z`, `trend.ratio`, `trend.latest`, `trend.baseline`?"),
        ErrorCase(
            "foo > 1", at: 0,
            "unknown name `foo`; the names are `trend.z`, `trend.ratio`, `trend.latest`, `trend.baseline`, "
                + "`concern.raw`, `resources.raw`, `n.trend`, `n.concern`, `n.resources`, `score`, `area.id`, "
                + "`area.owners`"),
        ErrorCase("area.id == 'åäö' and föo > 1", at: 21, "unknown name `föo`; the names are"),
        // Offsets count characters: the emoji is one.
        ErrorCase("area.id == '👮🏽‍♀️' and foo > 1", at: 19, "unknown name `foo`"),
        ErrorCase("min > 1", at: 0, "`min` is a function; call it, e.g. `min(trend.z, 2)`"),
        ErrorCase("score > 0,3", at: 8, "`0,3`: use a decimal point, `0.3`"),
        ErrorCase("min(1,2) > 0", at: 4, "`1,2`: use a decimal point, `1.2` (to separate arguments or list items"),
        ErrorCase("score > .5", at: 8, "write a digit before the decimal point, e.g. `0.5`"),
        ErrorCase("score > 2.", at: 8, "write a digit after the decimal point, e.g. `2.0`"),
        ErrorCase("area.id == 'abc", at: 11, "this string has no closing '"),
        ErrorCase("area.id == \"abc'", at: 11, "this string has no closing \""),
        ErrorCase("score > ’1’", at: 8, "use straight quotes"),
        ErrorCase("score = 1", at: 6, "use `==` to compare"),
        ErrorCase("score > 1 && score < 2", at: 10, "use `and` to join conditions"),
        ErrorCase("!(score > 1)", at: 0, "use `not` to negate a condition"),
        ErrorCase("score > 1 AND score < 2", at: 10, "write `and` in lower case"),
        ErrorCase(
            "score > 1 score", at: 10,
            "unexpected `score` after a complete expression; join conditions with `and` or `or`"),
        ErrorCase("score > 1 )", at: 10, "unexpected `)` after a complete expression"),
        ErrorCase("area.id == 'x' 'y'", at: 15, "unexpected `'y'` after a complete expression"),
        ErrorCase("1 < score < 2", at: 10, "comparisons do not chain; write `a < b and b < c`"),
        ErrorCase("score == 1 != true", at: 11, "comparisons do not chain"),
        ErrorCase("(score > 1", at: 0, "this `(` is never closed with `)`"),
        ErrorCase("score > (1 + 2", at: 8, "this `(` is never closed with `)`"),
        ErrorCase("(score > 1 score)", at: 11, "expected `)` or an operator, found `score`"),
        ErrorCase("'a' in ['a', 'b'", at: 7, "this `[` is never closed with `]`"),
        ErrorCase("'a' in ['a',", at: 7, "this `[` is never closed with `]`"),
        ErrorCase("score in [1, score]", at: 13, "a list holds only literal values (numbers, 'text', true, false)"),
        ErrorCase("score >", at: 7, "the condition ends too early; a value or name is missing"),
        ErrorCase("not", at: 3, "the condition ends too early"),
        ErrorCase("score > and", at: 8, "expected a value or name, found `and`"),
        ErrorCase("1 + not score > 1", at: 4, "`not` applies to a whole condition here; put it in parentheses"),
        ErrorCase("mn(score, 1) > 0", at: 0, "unknown function `mn`; did you mean `min`?"),
        ErrorCase("foo(score) > 0", at: 0, "unknown function `foo`; functions are `min`, `max`, `abs`"),
        ErrorCase("trend.z(1) > 0", at: 0, "`trend.z` is not a function; functions are `min`, `max`, `abs`"),
        ErrorCase("abs(score, 1) > 0", at: 0, "`abs` takes exactly one argument, got 2"),
        ErrorCase("min(score) > 0", at: 0, "`min` takes at least two arguments, got 1"),
        ErrorCase("max() > 0", at: 0, "`max` takes at least two arguments, got 0"),
        // Types.
        ErrorCase(
            "trend.z + 1", at: 0,
            "`trend.z + 1` is a number; a condition must be true or false, e.g. `trend.z + 1 >= 2`"),
        ErrorCase(
            "area.id", at: 0, "`area.id` is a string; a condition must be true or false, e.g. `area.id == 'trafik'`"),
        ErrorCase("area.owners", at: 0, "`area.owners` is a list of strings; a condition must be true or false"),
        ErrorCase("area.id + 1 > 0", at: 0, "`+` needs numbers, but `area.id` is a string"),
        ErrorCase("1 * (score > 0) > 0", at: 4, "`*` needs numbers, but `(score > 0)` is a condition (true or false)"),
        ErrorCase("-area.id == 'x'", at: 1, "`-` needs a number, but `area.id` is a string"),
        ErrorCase(
            "score > 0 and trend.z", at: 14,
            "`and` joins conditions, but `trend.z` is a number; compare it, e.g. `trend.z >= 2`"),
        ErrorCase("not score", at: 4, "`not` needs a condition, but `score` is a number"),
        ErrorCase("area.id < 'b'", at: 0, "`<` compares numbers, but `area.id` is a string"),
        ErrorCase(
            "area.id == 1", at: 8,
            "`==` compares values of the same type, but `area.id` is a string and `1` is a number"),
        ErrorCase("[1, 2] == [1, 2]", at: 0, "`==` cannot compare lists (`[1, 2]` is a list of numbers)"),
        ErrorCase("1 in area.owners", at: 2, "`1` is a number, but `area.owners` holds strings"),
        ErrorCase("'polis' in area.id", at: 11, "`in` needs a list on its right, e.g. `area.id in ['a', 'b']`"),
        ErrorCase("area.owners not in [\"a\"]", at: 0, "`not in` tests one value, but `area.owners` is a list"),
        ErrorCase("score in [1, 'a']", at: 13, "a list holds values of one type: `'a'` is a string"),
        ErrorCase("min(area.id, 1) > 0", at: 4, "`min` needs numbers, but `area.id` is a string"),
    ]

    @Test(arguments: errors)
    func rejects(_ testCase: ErrorCase) {
        #expect {
            _ = try Expression.parse(testCase.source)
        } throws: { error in
            guard let error = error as? ExpressionError else { return false }
            return error.offset == testCase.offset && error.message.hasPrefix(testCase.message)
        }
        // Show the actual error when the expectation above fails.
        do {
            _ = try Expression.parse(testCase.source)
        } catch {
            #expect(error.offset == testCase.offset)
            #expect(error.message.hasPrefix(testCase.message), "\(error.message)")
        }
    }

    @Test func keepsTheSourceAsWritten() throws {
        let source = "  score   >  0.5  "
        #expect(try Expression.parse(source).description == source)
    }
}
