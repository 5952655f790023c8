import Foundation
import Testing

@testable import Fokus

/// Limits that keep every input within bounded time, stack and memory, and the errors that name them.
struct LimitsTests {
    // MARK: `when:` conditions

    @Test(arguments: [
        String(repeating: "(", count: 20_000) + "score" + String(repeating: ")", count: 20_000),
        Array(repeating: "score", count: 200_000).joined(separator: " + ") + " > 1",
        String(repeating: "-", count: 100_000) + "score > 1",
        String(repeating: "not ", count: 100_000) + "score > 1",
    ])
    func hugeConditionsAreRefusedBeforeParsing(_ source: String) {
        #expect {
            try Expression.parse(source)
        } throws: { error in
            let error = error as? ExpressionError
            return error?.message.hasPrefix("the condition is longer than 10000 characters") == true
                && error?.offset == Expression.maximumLength
        }
    }

    @Test(arguments: [
        (String(repeating: "(", count: 201) + "score > 1" + String(repeating: ")", count: 201), 200),
        (String(repeating: "-", count: 250) + "score > 1", 200),
        (Array(repeating: "1", count: 300).joined(separator: "+") + " > score", 399),
        ("score > " + String(repeating: "abs(", count: 250) + "1" + String(repeating: ")", count: 250), 808),
    ])
    func deepConditionsAreRefusedWhereTheyGetTooDeep(_ source: String, offset: Int) {
        #expect {
            try Expression.parse(source)
        } throws: { error in
            let error = error as? ExpressionError
            return error?.message.hasPrefix("the condition nests more than 200 levels deep") == true
                && error?.offset == offset
        }
    }

    @Test func conditionsJustWithinTheLimitsParseAndEvaluate() throws {
        let parens = String(repeating: "(", count: 150) + "score > 0.5" + String(repeating: ")", count: 150)
        let sum = Array(repeating: "0.01", count: 150).joined(separator: " + ") + " > score"
        let facts = AreaFacts(score: 0.6, areaID: "a")
        #expect(try Expression.parse(parens).isSatisfied(by: facts))
        #expect(try Expression.parse(sum).isSatisfied(by: facts))
    }

    @Test func aDeepConditionInARuleFileIsAnErrorAtItsColumn() {
        let when = String(repeating: "(", count: 300) + "score > 1" + String(repeating: ")", count: 300)
        let yaml = "areas:\n  - id: a\nrules:\n  - id: r\n    when: \(when)\n    then: {boost: 1}\n"
        #expect {
            try RuleSetLoader.load(yaml: yaml, file: "r.yaml")
        } throws: { error in
            (error as? FokusError)?.diagnostics.first?.description
                .hasPrefix("r.yaml:5:211: error: in `when`: the condition nests more than 200 levels") == true
        }
    }

    // MARK: Settings

    @Test func anEmbedderGetsAnErrorForUnusableSensitivitySettings() {
        let rules = try! RuleSetLoader.load(yaml: "areas:\n  - id: a\n    categories: [Stöld]\n", file: "r.yaml")
        let data = DatasetLoader.load(text: "år;kommun;brottskategori;antal\n2022;K;Stöld;3\n2023;K;Stöld;5\n", name: "b.csv")
        for (samples, concentration) in [(-1, 50.0), (100_000_000, 50), (10, .infinity), (10, .nan), (10, 1e-300), (10, 0)] {
            var settings = SensitivitySettings()
            settings.samples = samples
            settings.concentration = concentration
            #expect(throws: FokusError.self) { try Engine(rules: rules).evaluate(data, sensitivity: settings) }
        }
        var fine = SensitivitySettings()
        fine.samples = 50
        fine.concentration = 0.01
        #expect(throws: Never.self) { try Engine(rules: rules).evaluate(data, sensitivity: fine) }
    }

    @Test func theSmallestConcentrationStillGivesShares() throws {
        let rules = try RuleSetLoader.load(
            yaml: "sensitivity: {samples: 500, concentration: 0.01}\nareas:\n  - id: a\n    categories: [Stöld]\n"
                + "    survey_items: [Oro]\n  - id: b\n    categories: [Rån]\n    survey_items: [Rädsla]\n",
            file: "r.yaml")
        var data = DatasetLoader.load(
            text: "år;kommun;brottskategori;antal\n2022;K;Stöld;3\n2023;K;Stöld;9\n2022;K;Rån;5\n2023;K;Rån;5\n", name: "b.csv")
        data.merge(DatasetLoader.load(text: "år;kommun;fråga;andel\n2023;K;Oro;0,2\n2023;K;Rädsla;0,6\n", name: "e.csv"))
        let stability = try #require(try Engine(rules: rules).evaluate(data).stability)
        for area in stability.areas {
            #expect(area.pFirst.isFinite && (0...1).contains(area.pFirst))
            #expect(area.meanRank.isFinite && (1...2).contains(area.meanRank))
        }
    }

    // MARK: Scores

    @Test func aRuleThatMakesAScoreInfiniteIsNamed() throws {
        var yaml = "areas:\n  - id: a\n    categories: [Stöld]\nrules:\n"
        for i in 0..<60 { yaml += "  - id: r\(i)\n    then: {scale: 1000000}\n" }
        let rules = try RuleSetLoader.load(yaml: yaml, file: "r.yaml")
        let data = DatasetLoader.load(text: "år;kommun;brottskategori;antal\n2022;K;Stöld;3\n2023;K;Stöld;5\n", name: "b.csv")
        #expect {
            try Engine(rules: rules).evaluate(data)
        } throws: { error in
            let diagnostic = (error as? FokusError)?.diagnostics.first
            return diagnostic?.message.hasPrefix("the rule \"r51\" makes the score of the area \"a\" infinite") == true
                && diagnostic?.location?.file == "r.yaml" && diagnostic?.location?.line == 107
        }
    }

    // MARK: Counts

    @Test func countsAddedByAnEmbedderNeverTrap() {
        var data = Dataset()
        data.addCrimeCount(scope: "K", period: .year(2023), category: "Stöld", count: .max)
        data.addCrimeCount(scope: "K", period: .year(2023), category: "Stöld", count: .max)
        var other = Dataset()
        other.addCrimeCount(scope: "K", period: .year(2023), category: "Stöld", count: 5)
        data.merge(other)
        #expect(data.crime[NameKey("K")]?.counts[.year(2023)]?[NameKey("Stöld")] == 1 << 48)
        // The engine's sums over such cells (months into a year, categories, baseline periods) do not overflow.
        for month in 1...12 {
            data.addCrimeCount(scope: "K", period: .month(2024, month), category: "Stöld", count: .max)
            data.addCrimeCount(scope: "K", period: .month(2024, month), category: "Rån", count: .max)
        }
        let rules = try! RuleSetLoader.load(yaml: "areas:\n  - id: a\n    categories: [Stöld, Rån]\n", file: "r.yaml")
        #expect(throws: Never.self) { try Engine(rules: rules).evaluate(data, scope: "K") }
    }

    @Test func aFileCountIsAtMostABillionSoAnyFileSumsExactly() {
        let text = "år;kommun;brottskategori;antal\n" + String(repeating: "2023;K;Stöld;1000000000\n", count: 1000)
        let data = DatasetLoader.load(text: text, name: "b.csv")
        #expect(data.rejected.isEmpty)
        #expect(data.crime[NameKey("K")]?.counts[.year(2023)]?[NameKey("Stöld")] == 1_000_000_000_000)
    }

    // MARK: Terminal output

    @Test func controlCharactersFromDataNeverReachTheTerminal() {
        let hostile = "Kungsör\u{1B}[2J\u{1B}]0;titel\u{07}\r\u{9B}31m\u{202E}gnp.exe\u{0}\n\tnästa\r\n"
        #expect(TerminalText.sanitized(hostile) == "Kungsör[2J]0;titel31mgnp.exe\n\tnästa\r\n")
        #expect(TerminalText.sanitized("vanlig text, å ä ö\n") == "vanlig text, å ä ö\n")
    }

    @Test func everyControlCharacterIsFoundWhereverItStandsInALongText() {
        let removed: [UInt32] =
            Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + Array(0x7F...0x9F)
            + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        let kept: [UInt32] = [0x09, 0x0A, 0x7E, 0xA0, 0xC5, 0x2029, 0x202F, 0x2065, 0x206A, 0x1F600]
        let line = String(repeating: "Västerås;Örebro;2,5\r\n", count: 50)
        for value in removed + kept {
            let scalar = String(Unicode.Scalar(value)!)
            for text in [scalar + line, line + scalar, line + scalar + line] {
                #expect(TerminalText.sanitized(text) == (removed.contains(value) ? text.replacingOccurrences(of: scalar, with: "") : text))
            }
        }
        #expect(TerminalText.sanitized(line + "\r") == line)
        #expect(TerminalText.sanitized("a\rb" + line) == "ab" + line)
    }
}
