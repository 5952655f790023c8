import Foundation
import Testing

@testable import Fokus

struct RuleSetLoaderTests {
    private func errors(_ yaml: String) -> [String] { RuleFixtures.errors(inText: yaml) }

    // MARK: - Good files

    @Test(arguments: ["kungsor.good.yaml", "minimal.good.yaml", "swedish.good.yaml", "folder-merge"])
    func goodFixturesLoad(_ name: String) throws {
        let ruleSet = try RuleFixtures.load(name)
        #expect(!ruleSet.areas.isEmpty)
    }

    @Test func readsTheSpecExample() throws {
        let ruleSet = try RuleFixtures.load("kungsor.good.yaml")
        #expect(ruleSet.name == "Medborgarlöfte Kungsör")
        #expect(ruleSet.scope == "Kungsör")
        #expect(ruleSet.period == .latest)
        #expect(ruleSet.weights == FactorWeights(crimeTrend: 0.40, citizenConcern: 0.35, resources: 0.25))
        #expect(ruleSet.warnings.isEmpty)
        #expect(ruleSet.selection.top == 3)
        #expect(ruleSet.areas.map(\.id) == ["bedrageri", "trafik"])
        #expect(ruleSet.areas[0].categories == ["Bedrägeri", "Bedrägeribrott"])
        #expect(ruleSet.areas[0].owners == ["polis", "kommun"])
        #expect(ruleSet.areas[1].weightOverrides == [.citizenConcern: 0.5])
        #expect(ruleSet.areas[1].location == SourceLocation(file: "rules/kungsor.good.yaml", line: 21, column: 5))
        let measure = try #require(ruleSet.measures.first)
        #expect(
            measure.cost == [
                ResourceCost(resource: "kommun_timmar", amount: 40),
                ResourceCost(resource: "polis_timmar", amount: 20),
            ])
        #expect(measure.evidence == .moderate)
        #expect(measure.effect == 0.3)
        let rule = try #require(ruleSet.rules.first)
        #expect(rule.actions == [.boost(0.05)])
        #expect(rule.reason == "Tydlig ökning som också oroar medborgarna")
        #expect(rule.condition?.source == "trend.z >= 2 and concern.raw >= 0.3")
    }

    @Test func leavesOutSettingsAtTheirDefaults() throws {
        let ruleSet = try RuleFixtures.load("minimal.good.yaml")
        #expect(ruleSet.weights == .default)
        #expect(ruleSet.trend == TrendSettings())
        #expect(ruleSet.missing == .renormalise)
        #expect(ruleSet.selection.top == 3 && ruleSet.selection.minScore == nil)
        #expect(ruleSet.sensitivity == SensitivitySettings())
        #expect(ruleSet.areas[0].name == "skadegorelse")
        #expect(ruleSet.files == ["rules/minimal.good.yaml"])
    }

    @Test func readsSwedishTextAndEveryOptionalSetting() throws {
        let ruleSet = try RuleFixtures.load("swedish.good.yaml")
        #expect(ruleSet.name == "Lägesbild för Åmål och Ödeshög")
        #expect(ruleSet.period == .period(.year(2023)))
        #expect(ruleSet.selection.top == nil)
        #expect(ruleSet.selection.minScore == 0.5)
        #expect(ruleSet.concernAggregate == .mean)
        #expect(ruleSet.sensitivity.samples == 500)
        #expect(ruleSet.sensitivity.concentration == 20.5)
        #expect(ruleSet.sensitivity.seed == 7)
        #expect(ruleSet.areas[0].categories == ["Narkotikabrott", "Eget bruk av narkotika"])
        #expect(ruleSet.areas[0].surveyItems == ["Personer som är påverkade av narkotika", "Öppen droghandel"])
        #expect(ruleSet.areas[0].resourcesScore == 0.6)
        #expect(ruleSet.areas[1].weightOverrides == [.citizenConcern: 0.5, .resources: 0])
        #expect(ruleSet.measures.map(\.id) == ["fältassistenter", "belysning"])
        #expect(ruleSet.measures[0].evidence == .untested)
        #expect(ruleSet.measures[1].cost.isEmpty)
        #expect(ruleSet.rules[0].condition == nil)
        #expect(ruleSet.rules[0].actions == [.include, .note("Kommunfullmäktige har beslutat att centrum ska följas upp")])
        #expect(ruleSet.rules[1].actions == [.scale(0.9), .boost(-0.01), .exclude])
    }

    @Test func warnsWhenWeightsDoNotSumToOne() throws {
        let ruleSet = try RuleFixtures.load("swedish.good.yaml")
        #expect(ruleSet.weights == FactorWeights(crimeTrend: 2, citizenConcern: 1, resources: 1))
        #expect(
            ruleSet.warnings.map(\.description) == [
                "rules/swedish.good.yaml:5:1: warning: weights sum to 4; Fokus normalises them to 0.5 / 0.25 / 0.25 "
                    + "(crime_trend / citizen_concern / resources)"
            ])
    }

    @Test func aFactorLeftOutOfWeightsWeighsZero() throws {
        let ruleSet = try RuleSetLoader.load(yaml: "weights: {citizen_concern: 1}\nareas: [{id: a}]\n", file: "r.yaml")
        #expect(ruleSet.weights == FactorWeights(crimeTrend: 0, citizenConcern: 1, resources: 0))
        #expect(ruleSet.warnings.isEmpty)
    }

    @Test func acceptsPeriodsQuotedOrPlain() throws {
        for (text, period) in [("2023", Period.year(2023)), ("\"2023-Q4\"", .quarter(2023, 4)), ("2023-11", .month(2023, 11))] {
            let ruleSet = try RuleSetLoader.load(yaml: "period: \(text)\nareas: [{id: a}]\n", file: "r.yaml")
            #expect(ruleSet.period == .period(period))
        }
    }

    // MARK: - Folders

    @Test func mergesAFolderInNameOrderIgnoringTestsAndOtherFiles() throws {
        let ruleSet = try RuleSetLoader.load(from: RuleFixtures.url("folder-merge"))
        #expect(
            ruleSet.files == [
                "rules/folder-merge/02-settings.yml", "rules/folder-merge/10-areas.yaml", "rules/folder-merge/20-measures.yaml",
            ])
        #expect(ruleSet.areas.map(\.id) == ["inbrott", "trafik", "bedrageri"])
        #expect(ruleSet.measures.map(\.id) == ["hastighet"])
        #expect(ruleSet.name == "Medborgarlöfte i två filer")
        #expect(ruleSet.selection.top == 1)
        #expect(ruleSet.areas[1].location?.file == "rules/folder-merge/10-areas.yaml")
    }

    @Test func reportsSettingsAndIdsGivenInTwoFilesWithBothPlaces() {
        do {
            _ = try RuleSetLoader.load(from: RuleFixtures.url("folder-duplicates"))
            Issue.record("expected duplicates to be rejected")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "rules/folder-duplicates/b.yaml:1:1: error: `name` is already set in rules/folder-duplicates/a.yaml:1:1; "
                        + "set it in one file only, or remove one of them",
                    "rules/folder-duplicates/b.yaml:4:9: error: the area id \"trafik\" is already used by the area at "
                        + "rules/folder-duplicates/a.yaml:4:9; give each area its own id",
                ])
            #expect(
                error.diagnostics.map(\.related) == [
                    SourceLocation(file: "rules/folder-duplicates/a.yaml", line: 1, column: 1),
                    SourceLocation(file: "rules/folder-duplicates/a.yaml", line: 4, column: 9),
                ])
        }
    }

    @Test func namesAMissingPath() {
        do {
            _ = try RuleSetLoader.load(from: RuleFixtures.url("nowhere"))
            Issue.record("expected a missing path to be rejected")
        } catch {
            #expect(error.description == "rules/nowhere: error: there is no rule file or folder at \"rules/nowhere\"; check the path")
        }
    }

    // MARK: - Messages

    @Test func rendersTheSourceLineWithACaret() throws {
        let url = RuleFixtures.url("unknown-keys.bad.yaml")
        let source = try String(contentsOf: url, encoding: .utf8)
        do {
            _ = try RuleSetLoader.load(from: url)
            Issue.record("expected unknown keys to be rejected")
        } catch {
            #expect(
                error.diagnostics[3].rendered(source: source) == """
                    rules/unknown-keys.bad.yaml:8:5: error: unknown key "categorys" in area "trafik"; did you mean "categories"?
                        categorys: [Trafikbrott]
                        ^
                    """)
        }
    }

    @Test func countsColumnsInCharactersAfterSwedishLetters() {
        let yaml = "areas:\n  - id: å\n    name: Område\nmeasures:\n  - {id: m, addresses: [å], effect: 0.1, cost: {körtid: \"5\"}}\n"
        #expect(
            errors(yaml) == [
                "r.yaml:5:57: error: the cost of \"körtid\" must be a number, not text: remove the quotes around \"5\""
            ])
    }

    @Test func requiresAListWhereAListIsExpected() {
        #expect(
            errors("areas:\n  - id: a\n    owners: polis\n") == [
                "r.yaml:3:13: error: `owners` must be a list, not text; write it as [polis], or as lines starting with \"- \""
            ])
    }

    @Test func reportsAnEmptyYAMLText() {
        #expect(
            errors("") == [
                "r.yaml:1:1: error: the file is empty; a rule file is a mapping of keys such as `name:`, `areas:` and `rules:`"
            ])
    }

    @Test func suggestsNothingForAWordFarFromEveryKey() {
        #expect(
            errors("areas: [{id: a}]\nxyzzy: 1\n") == [
                "r.yaml:2:1: error: unknown key \"xyzzy\" in the rule file; the keys allowed here are \"fokus\", \"name\", "
                    + "\"description\", \"scope\", \"period\", \"trend\", \"weights\", \"missing\", \"select\", \"concern\", "
                    + "\"sensitivity\", \"signals\", \"lang\", \"areas\", \"measures\", \"rules\""
            ])
    }

    // MARK: - when:

    @Test func reportsWhenErrorsAtTheirColumnInTheYAML() {
        let found = RuleFixtures.diagnostics("when.bad.yaml")
        let places = found.map { $0.components(separatedBy: ": error: ").first ?? "" }
        // `trend.zz` is the unknown identifier: at offset 0 in the plain scalar, 23 in the quoted one.
        // The folded block scalar is reported at its start.
        #expect(
            places == [
                "rules/when.bad.yaml:5:11", "rules/when.bad.yaml:8:35", "rules/when.bad.yaml:11:11",
            ])
        #expect(found.allSatisfy { $0.contains(": error: in `when`: ") })
    }

    @Test func mapsExpressionOffsetsIntoTheFile() {
        func scalar(_ value: String, _ style: YAMLScalar.Style, from: Int, to: Int, endLine: Int = 3) -> YAMLScalar {
            YAMLScalar(
                value: value, style: style, mark: YAMLMark(line: 3, column: from),
                endMark: YAMLMark(line: endLine, column: to))
        }
        // when: a >= 1   (plain, starts at column 11)
        #expect(RuleReader.expressionMark(scalar("a >= 1", .plain, from: 11, to: 17), offset: 5).column == 16)
        // when: 'å >= 1'   (quoted: one more for the quote; å is one character)
        #expect(RuleReader.expressionMark(scalar("å >= 1", .singleQuoted, from: 11, to: 19), offset: 5).column == 17)
        // when: "a\tb"   (an escape: the text is not as written, so the scalar's start)
        #expect(RuleReader.expressionMark(scalar("a\tb", .doubleQuoted, from: 11, to: 17), offset: 2).column == 11)
        // a plain scalar folded over two lines
        #expect(
            RuleReader.expressionMark(scalar("a >= 1", .plain, from: 11, to: 7, endLine: 4), offset: 5)
                == YAMLMark(line: 3, column: 11))
    }

    // MARK: - Helpers

    @Test func suggestsCloseKeysAndSwedishWords() {
        #expect(Suggestion.closest(to: "wieghts", among: ["name", "weights"]) == "weights")
        #expect(Suggestion.closest(to: "Survey-Items", among: ["survey_items"]) == "survey_items")
        #expect(Suggestion.closest(to: "vikter", among: ["weights"]) == "weights")
        #expect(Suggestion.closest(to: "zzz", among: ["weights"]) == nil)
        #expect(Suggestion.levenshtein("kitten", "sitting") == 3)
    }

    @Test func readsPlainNumbersNarrowly() {
        #expect(PlainScalar.number("0.40") == 0.4)
        #expect(PlainScalar.number("-.5") == -0.5)
        #expect(PlainScalar.number("1e-3") == 0.001)
        #expect(PlainScalar.number(".inf") == nil)
        #expect(PlainScalar.number("0x10") == nil)
        #expect(PlainScalar.number("0,40") == nil)
        #expect(PlainScalar.number("1e") == nil)
        #expect(PlainScalar.hasDecimalComma("0,40"))
        #expect(!PlainScalar.hasDecimalComma("a,b"))
    }
}

struct RuleSetLoaderRobustnessTests {
    /// Every input of the yaml-test-suite, read as a rule file: each loads or throws, and nothing crashes.
    @Test(.enabled(if: YAMLTestSuiteTests.suiteIsPresent, "yaml-test-suite not found"))
    func neverCrashesOnArbitraryYAML() throws {
        var thrown = 0
        for id in YAMLTestSuiteTests.caseIDs() {
            let url = YAMLTestSuiteTests.suiteFolder.appendingPathComponent("\(id)/in.yaml")
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            do {
                _ = try RuleSetLoader.load(yaml: text, file: "\(id)/in.yaml")
            } catch {
                thrown += 1
                #expect(error.diagnostics.contains { $0.severity == .error })
            }
        }
        #expect(thrown > 300)
    }

    @Test func readsAFileWithAByteOrderMark() throws {
        let ruleSet = try RuleSetLoader.load(yaml: "\u{FEFF}areas:\n  - id: a\n", file: "r.yaml")
        #expect(ruleSet.areas.first?.location == SourceLocation(file: "r.yaml", line: 2, column: 5))
    }

    @Test func explainsThatMergeKeysAreNotSupported() {
        do {
            _ = try RuleSetLoader.load(yaml: "base: &b {id: a}\nareas:\n  - <<: *b\n", file: "r.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.message).contains {
                    $0.hasPrefix("unknown key \"<<\" in this area; YAML merge keys are not supported")
                })
        }
    }
}
