import Foundation
import Testing

@testable import Fokus

/// A rule file that must not load, with every diagnostic it must produce (`line:column: severity: message`,
/// after the `rules/<name>:` prefix), in order.
struct BadFixture: CustomTestStringConvertible, Sendable {
    var name: String
    var expected: [String]

    init(_ name: String, _ expected: [String]) {
        self.name = name
        self.expected = expected
    }

    var testDescription: String { name }
}

/// Where the fixtures are, and a URL to one of them that keeps its path relative (`rules/x.yaml`), as a user's
/// relative path would be.
enum RuleFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Rules
        .deletingLastPathComponent()  // FokusTests
        .appendingPathComponent("Fixtures", isDirectory: true)

    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: "rules/\(name)", relativeTo: root)
    }

    /// The descriptions of the diagnostics loading `name` throws (empty when it loads).
    static func diagnostics(_ name: String) -> [String] {
        do {
            _ = try RuleSetLoader.load(from: url(name))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The descriptions of the diagnostics loading one YAML text as `r.yaml` throws (empty when it loads).
    static func errors(inText yaml: String) -> [String] {
        do {
            _ = try RuleSetLoader.load(yaml: yaml, file: "r.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Loads a good fixture.
    static func load(_ name: String) throws -> RuleSet {
        try RuleSetLoader.load(from: url(name))
    }
}

struct RuleSetLoaderBadFixtureTests {
    static let fixtures: [BadFixture] = [
        BadFixture(
            "all-zero-weights.bad.yaml",
            [
                "1:1: error: the weights are all 0; give at least one of crime_trend, citizen_concern and resources a weight above 0"
            ]),
        BadFixture(
            "area-weights-zero.bad.yaml",
            [
                "4:14: error: with these weights every factor of area \"trafik\" weighs 0; give at least one factor a weight above 0"
            ]),
        BadFixture(
            "billion-laughs.bad.yaml",
            [
                "6:36: error: too many aliases: expanding *d here makes more than 100000 values (a YAML 'billion laughs' document?); write the values out instead"
            ]),
        BadFixture(
            "duplicate-key.bad.yaml",
            [
                "5:5: error: duplicate key \"name\": it is already given at line 4, column 5 of this mapping; keep only one of them",
                "8:1: error: duplicate key \"select\": it is already given at line 6, column 1 of this mapping; keep only one of them",
            ]),
        BadFixture(
            "empty.bad.yaml",
            [
                "1:1: error: the file is empty; a rule file is a mapping of keys such as `name:`, `areas:` and `rules:`"
            ]),
        BadFixture(
            "ids.bad.yaml",
            [
                "3:5: error: this area has no `id`; add one such as `id: trafik`",
                "4:9: error: the area id \"min zon\" may hold only letters, digits, \"-\" and \"_\" and must start with a letter or digit; try \"min-zon\"",
                "5:9: error: the area id \"trafik\" is already used by the area at line 2, column 9; give each area its own id",
                "9:17: error: measure \"hastighet\" addresses \"trafk\", but no area has that id; did you mean \"trafik\"?",
                "9:24: error: measure \"hastighet\" addresses \"narkotika\", but no area has that id; the areas are \"trafik\", \"bedrägeri\"",
                "11:5: error: measure \"hastighet\" has no `addresses`; list the ids of the areas it helps, such as `addresses: [trafik]`",
                "11:5: error: measure \"hastighet\" has no `effect`; add its expected effect between 0 and 1, such as `effect: 0.3`",
                "11:9: error: the measure id \"hastighet\" is already used by the measure at line 8, column 9; give each measure its own id",
                "15:11: error: `then` is empty; give at least one action: boost, scale, include, exclude or note",
                "16:5: error: rule \"r2\" has no `then`; say what it does, such as `then: {boost: 0.05}`",
            ]),
        BadFixture(
            "no-areas.bad.yaml",
            [
                "2:1: error: the rule set has no areas; add at least one area to an `areas:` list, such as `- id: trafik` with its `categories` and `survey_items`"
            ]),
        BadFixture(
            "not-a-mapping.bad.yaml",
            [
                "1:1: error: a rule file must be a mapping of keys such as `name:`, `areas:` and `rules:` on lines of their own, not a list"
            ]),
        BadFixture(
            "tab-indent.bad.yaml",
            [
                "2:1: error: found character that cannot start any token while scanning for the next token; indent with spaces, not tabs"
            ]),
        BadFixture(
            "two-documents.bad.yaml",
            [
                "3:1: error: a second YAML document starts here; a rule file holds one document, so remove this \"---\" line or move what follows into a file of its own"
            ]),
        BadFixture(
            "unclosed-quote.bad.yaml",
            [
                "6:1: error: found unexpected end of stream while scanning a quoted scalar that starts at line 4, column 11; close the quote"
            ]),
        BadFixture(
            "unknown-keys.bad.yaml",
            [
                "2:1: error: unknown key \"wieghts\" in the rule file; did you mean \"weights\"?",
                "4:1: error: unknown key \"top\" in the rule file; `top` belongs inside `select:`",
                "5:1: error: unknown key \"vikter\" in the rule file; did you mean \"weights\"?",
                "8:5: error: unknown key \"categorys\" in area \"trafik\"; did you mean \"categories\"?",
                "9:16: error: unknown key \"citizen_concerns\" in the weights of area \"trafik\"; did you mean \"citizen_concern\"?",
                "10:18: error: unknown key \"scor\" in `resources`; did you mean \"score\"?",
                "14:5: error: unknown key \"efect\" in measure \"hastighet\"; did you mean \"effect\"?",
                "18:13: error: unknown key \"bost\" in `then` of rule \"alltid\"; did you mean \"boost\"?",
                "19:10: error: unknown key \"baseline\" in `trend`; the keys allowed here are \"baseline_periods\", \"scale\"",
            ]),
        BadFixture(
            "wrong-types.bad.yaml",
            [
                "1:8: error: `fokus` is the rule-file format version and must be 1, not 2; this Fokus reads version 1",
                "2:9: error: `period` must be latest or a period such as 2023, 2023-Q4 or 2023-11, not \"2023-13\"",
                "3:10: error: `missing` must be one of renormalise, zero, neutral, error, not \"renormalize\"; did you mean \"renormalise\"?",
                "5:21: error: `baseline_periods` must be from 1 to 100 (how many earlier periods the latest is compared with), not 0",
                "6:10: error: `scale` must be from 0.01 to 1000 (the default is 1.5), not -1",
                "8:16: error: the weight `crime_trend` must be a number: write 0.40 with a decimal point, not 0,40",
                "9:20: error: the weight `citizen_concern` must be a number, not text: remove the quotes around \"0.35\"",
                "10:14: error: the weight `resources` must be from 0 to 1000000, not -0.25",
                "12:8: error: `top` must be a whole number, not text: remove the quotes around \"3\"",
                "13:14: error: `min_score` must be a number, not text (\"hög\")",
                "14:23: error: `aggregate` must be one of max, mean, not \"median\"; did you mean \"mean\"?",
                "15:25: error: `samples` must be a whole number, not 2.5",
                "15:45: error: `concentration` must be from 0.01 to 1000000 (the default is 50), not 0",
                "15:54: error: `seed` must be 0 or more, not -1",
                "18:11: error: `name` must be text, not a list",
                "19:17: error: `categories` must be a list, not text; write it as [Trafikbrott], or as lines starting with \"- \"",
                "20:21: error: each item of `owners` must be text, not a list",
                "23:16: error: `addresses` must be a list, not text; write it as [trafik], or as lines starting with \"- \"",
                "24:27: error: the cost of \"polis_timmar\" must be a number, not text: remove the quotes around \"20\"",
                "24:48: error: the cost of \"kommun_timmar\" must be from 0 to 1000000000000, not -5",
                "25:13: error: `effect` must be between 0 and 1, not 30; for 30 %, write 0.3",
                "26:15: error: `evidence` must be one of strong, moderate, weak, untested, not \"stark\"; did you mean \"strong\"?",
                "29:11: error: `when` must be text, not a list",
                "31:14: error: `boost` must be a number: write 0.05 with a decimal point, not 0,05",
                "32:16: error: `include` can only be true; to not include, leave the action out",
                "33:16: error: `exclude` must be true or false, not yes",
                "34:13: error: `note` must be text, not a mapping",
            ]),
    ]

    @Test(arguments: fixtures)
    func reportsEveryProblemWithLineAndColumn(_ fixture: BadFixture) {
        let expected = fixture.expected.map { "rules/\(fixture.name):\($0)" }
        #expect(RuleFixtures.diagnostics(fixture.name) == expected)
    }

    @Test func everyBadFixtureIsInTheTable() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: RuleFixtures.root.appendingPathComponent("rules").path)
            .filter { $0.hasSuffix(".bad.yaml") && $0 != "when.bad.yaml" }
        #expect(Set(names) == Set(Self.fixtures.map(\.name)))
    }
}
