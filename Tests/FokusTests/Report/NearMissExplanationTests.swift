import Foundation
import Testing

@testable import Fokus

/// `fokus explain` says, for each rule that did not fire, which part of its condition was false and by how much.
struct NearMissExplanationTests {
    static let rules = """
        scope: Kungsör
        areas:
          - id: inbrott
            name: Inbrott
            categories: [Inbrott]
            survey_items: [Oro för inbrott]
            owners: [polis]
          - id: trafik
            name: Trafik
            categories: [Trafikbrott]
            owners: [polis, kommun]
        rules:
          - id: okning-med-oro
            when: trend.latest >= 20 and concern.raw >= 0.3
            then: { boost: 0.05 }
          - id: lag-oro-eller-fordubbling
            when: concern.raw < 0.1 or trend.ratio > 3
            then: { scale: 0.9 }
          - id: alltid
            then: { note: "Gäller alla" }
          - id: bara-polisen
            when: not ('kommun' in area.owners)
            then: { scale: 0.95 }
        """

    static func evaluation() throws -> Evaluation {
        var data = Dataset()
        for (year, inbrott, trafik) in [(2020, 10, 30), (2021, 10, 30), (2022, 10, 30), (2023, 25, 31)] {
            let period = Period.year(year)
            data.addCrimeCount(scope: "Kungsör", period: period, category: "Inbrott", count: inbrott)
            data.addCrimeCount(scope: "Kungsör", period: period, category: "Trafikbrott", count: trafik)
        }
        data.addSurveyShare(scope: "Kungsör", period: .year(2023), item: "Oro för inbrott", share: 0.29)
        let rules = try RuleSetLoader.load(yaml: Self.rules, file: "regler.yaml")
        var sensitivity = rules.sensitivity
        sensitivity.samples = 0
        return try Engine(rules: rules).evaluate(data, sensitivity: sensitivity)
    }

    @Test func everyRuleThatDidNotFireIsExplainedPartByPart() throws {
        let text = try #require(try Self.evaluation().explanation(of: "inbrott"))
        let lines = text.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "Regler som inte slog till:"))
        // trend.ratio = (25 + 0.5) / (10 + 0.5) = 2.43 (0.57 under 3).
        let section = lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
        // Not `alltid` (without `when:` a rule always fires) nor `bara-polisen` (it fired for inbrott).
        #expect(
            Array(section) == [
                "  okning-med-oro: trend.latest 25 ≥ 20 ✔, concern.raw 0,29 ≥ 0,30 ✘ (0,01 under)",
                "  lag-oro-eller-fordubbling: concern.raw 0,29 < 0,10 ✘ (0,19 över) eller trend.ratio 2,43 > 3 ✘ (0,57 under)",
            ])
    }

    @Test func aMissingFactorIsSaidToBeMissingInEnglishToo() throws {
        let text = try #require(try Self.evaluation().explanation(of: "trafik", language: .en))
        #expect(text.contains("Rules that did not fire:\n"))
        #expect(text.contains("  okning-med-oro: trend.latest 31 ≥ 20 ✔, concern.raw missing ≥ 0.30 ✘ (no value)\n"))
        #expect(text.contains("  bara-polisen: not ('kommun' in area.owners [\"polis\", \"kommun\"] ✔) ✘\n"))
    }

    @Test func theMissedRulesAreThoseWithAConditionThatDidNotHold() throws {
        let inbrott = try #require(try Self.evaluation().area("inbrott"))
        #expect(inbrott.missedRules.map(\.id) == ["okning-med-oro", "lag-oro-eller-fordubbling"])
        #expect(inbrott.rules.fired.map(\.id) == ["alltid", "bara-polisen"])
        // What the condition saw is what the rule saw: the score before it.
        #expect(inbrott.missedRules.allSatisfy { $0.facts.score == inbrott.weightedScore })
    }

    @Test func aRuleThatDidNotFireSawTheScoreLeftByTheRulesBeforeIt() throws {
        let rules = try RuleSetLoader.load(
            yaml: """
                areas: [{ id: inbrott, name: Inbrott, categories: [Inbrott] }]
                rules:
                  - { id: lyft, when: score >= 0, then: { boost: 0.25 } }
                  - { id: hog, when: score > 2, then: { boost: 1 } }
                  - { id: halvera, then: { scale: 0.5 } }
                  - { id: lag, when: score < 0.1, then: { boost: 1 } }
                """, file: "r.yaml")
        var data = Dataset()
        for year in 2020...2023 {
            data.addCrimeCount(scope: "Kungsör", period: .year(year), category: "Inbrott", count: 10)
        }
        var sensitivity = rules.sensitivity
        sensitivity.samples = 0
        let area = try #require(try Engine(rules: rules).evaluate(data, sensitivity: sensitivity).area("inbrott"))
        #expect(area.rules.fired.map(\.id) == ["lyft", "halvera"])
        let missed = area.missedRules
        #expect(missed.map(\.id) == ["hog", "lag"])
        #expect(missed.map(\.facts.score) == [area.weightedScore + 0.25, (area.weightedScore + 0.25) * 0.5])
        #expect(area.facts?.score == area.score)
    }

    @Test func aConditionTriedOnTheDataSeesTheFinalScore() throws {
        let evaluation = try Self.evaluation()
        let results = evaluation.conditionResults(try Expression.parse("score >= 0 and concern.raw >= 0.3"))
        #expect(results.map(\.areaID) == evaluation.ranking.map(\.id))
        let inbrott = try #require(results.first { $0.areaID == "inbrott" })
        let score = try #require(evaluation.area("inbrott")?.score)
        #expect(
            inbrott.rendered()
                == "inbrott: inte uppfyllt — score \(NumberFormatting(language: .sv).fixed(score, 2)) ≥ 0 ✔, "
                + "concern.raw 0,29 ≥ 0,30 ✘ (0,01 under)")
        #expect(evaluation.conditionResults(try Expression.parse("trend.z > 0"), area: "trafik").count == 1)
    }

    /// The bundled rules on the bundled sample: whatever they say, every rule with a `when:` that did not fire for
    /// an area gets its line, and every such line marks what was false.
    @Test func everyBundledRuleThatDidNotFireGetsABreakdown() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let rules = try RuleSetLoader.load(from: package.appendingPathComponent("rules"))
        let data = try DatasetLoader.load(from: package.appendingPathComponent("Samples/kungsor"))
        var sensitivity = rules.sensitivity
        sensitivity.samples = 0
        let evaluation = try Engine(rules: rules).evaluate(data, sensitivity: sensitivity)
        let conditional = rules.rules.filter { $0.condition != nil }.map(\.id)
        for area in evaluation.ranking {
            let fired = Set(area.rules.fired.map(\.id))
            let missed = conditional.filter { !fired.contains($0) }
            #expect(area.missedRules.map(\.id) == missed, "\(area.id)")
            let text = try #require(evaluation.explanation(of: area.id))
            for id in missed {
                let line = text.split(separator: "\n").first { $0.hasPrefix("  \(id): ") }
                #expect(line?.contains("✘") == true, "\(area.id): \(id)")
            }
        }
    }
}
