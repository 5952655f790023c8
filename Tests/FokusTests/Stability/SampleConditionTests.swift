import Testing

@testable import Fokus

/// Rank stability works out once, per area, the parts of a `when:` that name no fact a sample changes
/// (``SampleCondition``). Whatever the facts a sample brings, the folded condition must decide as the
/// whole condition does.
struct SampleConditionTests {
    static let conditions = [
        "trend.z >= 2 and concern.raw >= 0.3",
        "not (\"kommun\" in area.owners)",
        "resources.raw == 0 or trend.z < 0",
        "not (resources.raw == 0 and area.id == 'trafik') and score > 0.2",
        "area.id in ['trafik'] or (concern.raw > 0.5 and not (resources.raw >= 1))",
        "trend.latest < 10",
        "true and resources.raw != 1",
        "(n.resources < 0.5 or 'polis' in area.owners) and (score >= 0.5 or false)",
        "max(resources.raw, trend.z) > 1 and area.id not in ['a']",
        "not (trend.z > 1) or -resources.raw < -0.5",
    ]

    /// What an area can be observed with: id, owners and resources (held fixed by the samples).
    static let observed: [(id: String, owners: [String], resources: Double?)] = [
        ("a", [], nil), ("trafik", ["kommun"], 0), ("trafik", ["polis"], 1), ("b", ["kommun", "polis"], 0.4),
    ]

    /// What samples can bring.
    static let drawn: [(z: Double?, concern: Double?, latest: Double?, score: Double)] = [
        (nil, nil, nil, 0), (-3, 0.2, 4, 0.1), (0, 0.6, 12, 0.5), (2.5, 0.31, 9.5, 0.9), (2, nil, 10, 0.25),
    ]

    static func facts(
        _ area: (id: String, owners: [String], resources: Double?), _ sample: (z: Double?, concern: Double?, latest: Double?, score: Double)
    ) -> AreaFacts {
        AreaFacts(
            trendZ: sample.z, trendLatest: sample.latest, concernRaw: sample.concern, resourcesRaw: area.resources,
            nConcern: sample.concern, nResources: area.resources.map { min(max($0, 0), 1) }, score: sample.score,
            areaID: area.id, owners: area.owners)
    }

    static func holds(_ condition: SampleCondition, _ facts: AreaFacts) -> Bool {
        switch condition {
        case .always: true
        case .never: false
        case .test(let node): node.isSatisfied(by: facts)
        }
    }

    @Test(arguments: conditions)
    func aFoldedConditionDecidesAsTheWholeOne(_ source: String) throws {
        let expression = try Expression.parse(source)
        let fixedByEverySample: (Variable) -> Bool = {
            [.areaID, .areaOwners, .resourcesRaw, .nResources].contains($0)
        }
        for area in Self.observed {
            for first in Self.drawn {
                let folded = SampleCondition(expression, facts: Self.facts(area, first), fixed: fixedByEverySample)
                for sample in Self.drawn {
                    let facts = Self.facts(area, sample)
                    #expect(Self.holds(folded, facts) == expression.isSatisfied(by: facts), "\(source) for \(area), \(sample)")
                }
            }
        }
    }

    /// An area the draws leave as it is: only the score changes from sample to sample.
    @Test(arguments: conditions)
    func onlyTheScoreIsLeftForAnAreaTheDrawsLeaveAlone(_ source: String) throws {
        let expression = try Expression.parse(source)
        for area in Self.observed {
            for sample in Self.drawn {
                let folded = SampleCondition(expression, facts: Self.facts(area, sample)) { $0 != .score }
                for score in [0, 0.2, 0.21, 0.5, 1] {
                    var facts = Self.facts(area, sample)
                    facts.score = score
                    #expect(Self.holds(folded, facts) == expression.isSatisfied(by: facts), "\(source) for \(area), \(sample)")
                }
                if !source.contains("score") {
                    // Nothing varies: the condition is decided once.
                    if case .test = folded { Issue.record("\(source) is left to evaluate for \(area)") }
                }
            }
        }
    }

    @Test func noConditionAlwaysHolds() {
        guard case .always = SampleCondition(nil, facts: AreaFacts(score: 0, areaID: "a"), fixed: { _ in true }) else {
            Issue.record("a rule without `when:` must fire in every sample")
            return
        }
    }
}
