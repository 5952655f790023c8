import Testing

@testable import Fokus

/// The part-by-part trace of a `when:` condition: which comparison is false and by how much.
struct ConditionTraceTests {
    static let facts = AreaFacts(
        trendZ: 2.3, trendRatio: 1.4, trendLatest: 57, trendBaseline: 40, concernRaw: 0.29, resourcesRaw: 1,
        nTrend: 0.82, nConcern: 0.29, nResources: 1, score: 0.61, areaID: "inbrott", owners: ["polis", "kommun"])

    private func trace(_ condition: String, _ facts: AreaFacts = facts) throws -> ConditionTrace {
        try Expression.parse(condition).trace(facts)
    }

    @Test func andShowsEachComparisonWithItsValuesAndTheGapOfTheOneMissed() throws {
        let t = try trace("trend.z >= 2 and concern.raw >= 0.3")
        #expect(!t.holds)
        #expect(t.rendered() == "trend.z 2,30 ≥ 2 ✔, concern.raw 0,29 ≥ 0,30 ✘ (0,01 under)")
        #expect(t.rendered(language: .en) == "trend.z 2.30 ≥ 2 ✔, concern.raw 0.29 ≥ 0.30 ✘ (0.01 below)")
        guard case .comparison(let missed) = try #require(t.root.failedLeaves.first) else {
            Issue.record("expected a comparison")
            return
        }
        #expect(missed.left.text == "concern.raw")
        guard case .under(let gap) = try #require(missed.gap) else {
            Issue.record("expected a gap under")
            return
        }
        #expect(abs(gap - 0.01) < 1e-12)
    }

    @Test(arguments: [
        ("trend.latest < 10", "trend.latest 57 < 10 ✘ (47 över)"),
        ("trend.z <= -2", "trend.z 2,30 ≤ -2 ✘ (4,30 över)"),
        ("resources.raw == 0", "resources.raw 1 = 0 ✘ (skiljer 1)"),
        ("resources.raw != 1", "resources.raw 1 ≠ 1 ✘ (lika)"),
        ("trend.latest > 57", "trend.latest 57 > 57 ✘ (lika)"),
        ("concern.raw >= 0.291", "concern.raw 0,290 ≥ 0,291 ✘ (0,001 under)"),
        ("area.id == 'trafik'", "area.id \"inbrott\" = 'trafik' ✘ (olika)"),
        ("area.id in ['trafik', 'stold']", "area.id \"inbrott\" in ['trafik', 'stold'] ✘"),
        ("max(n.trend, n.concern) >= 0.9", "max(n.trend, n.concern) 0,82 ≥ 0,90 ✘ (0,08 under)"),
        ("trend.z * 2 > 5", "trend.z * 2 4,60 > 5 ✘ (0,40 under)"),
    ])
    func aFalseComparisonSaysHowFarOffItIs(_ condition: String, _ expected: String) throws {
        #expect(try trace(condition).rendered() == expected)
    }

    @Test func aMissingValueIsShownAsMissingAndTheComparisonAsFalse() throws {
        var facts = Self.facts
        facts.concernRaw = nil
        let t = try trace("concern.raw >= 0.3", facts)
        #expect(t.rendered() == "concern.raw saknas ≥ 0,30 ✘ (värde saknas)")
        #expect(t.rendered(language: .en) == "concern.raw missing ≥ 0.30 ✘ (no value)")
    }

    @Test func orAndNotKeepTheirStructureAndNotCarriesItsOwnMark() throws {
        let t = try trace("trend.z >= 3 or (score > 0.5 and not ('kommun' in area.owners))")
        #expect(!t.holds)
        #expect(
            t.rendered()
                == "trend.z 2,30 ≥ 3 ✘ (0,70 under) eller (score 0,61 > 0,50 ✔ och inte ('kommun' in area.owners "
                + "[\"polis\", \"kommun\"] ✔) ✘)")
        #expect(t.root.failedLeaves.count == 2)
    }

    @Test func everyPartIsEvaluatedEvenWhereAndWouldStopEarly() throws {
        let t = try trace("trend.z >= 3 and concern.raw >= 0.5 and score > 0.6")
        #expect(t.rendered() == "trend.z 2,30 ≥ 3 ✘ (0,70 under), concern.raw 0,29 ≥ 0,50 ✘ (0,21 under), score 0,61 > 0,60 ✔")
    }

    @Test func theTraceAgreesWithTheEvaluator() throws {
        for condition in [
            "trend.z >= 2", "not (trend.z >= 2)", "concern.raw < 0.3 or score > 1", "area.id not in ['inbrott']",
            "abs(trend.z) > 2 and 'polis' in area.owners",
        ] {
            let expression = try Expression.parse(condition)
            #expect(expression.trace(Self.facts).holds == expression.isSatisfied(by: Self.facts), "\(condition)")
        }
    }
}
