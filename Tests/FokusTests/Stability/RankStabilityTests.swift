import Testing

@testable import Fokus

struct RankStabilityTests {
    /// Three close areas whose order depends on the weights, and one far behind.
    static func rules(samples: Int = 500, seed: UInt64 = 7) -> RuleSet {
        var r = Build.rules([
            Area(id: "a", name: "A", categories: ["A"], surveyItems: ["qa"], resourcesScore: 0.2),
            Area(id: "b", name: "B", categories: ["B"], surveyItems: ["qb"], resourcesScore: 0.9),
            Area(id: "c", name: "C", categories: ["C"], surveyItems: ["qc"], resourcesScore: 0.5),
            Area(id: "d", name: "D", categories: ["D"], surveyItems: ["qd"], resourcesScore: 0.0),
        ])
        r.selection.top = 2
        r.sensitivity.samples = samples
        r.sensitivity.seed = seed
        return r
    }

    static let data = Build.dataset(
        counts: [
            ("2021", "A", 10), ("2022", "A", 10), ("2023", "A", 20), ("2021", "B", 10), ("2022", "B", 10), ("2023", "B", 10),
            ("2021", "C", 10), ("2022", "C", 10), ("2023", "C", 14), ("2021", "D", 30), ("2022", "D", 30), ("2023", "D", 10),
        ],
        survey: [("2023", "qa", 0.3), ("2023", "qb", 0.45), ("2023", "qc", 0.5), ("2023", "qd", 0.1)])

    @Test func sameSeedGivesTheSameFigures() throws {
        let first = try #require(try Engine(rules: Self.rules()).evaluate(Self.data).stability)
        let second = try #require(try Engine(rules: Self.rules()).evaluate(Self.data).stability)
        #expect(first == second)
        let ranking = try Engine(rules: Self.rules()).evaluate(Self.data).ranking.map(\.id)
        #expect(first.areas.map(\.id) == ranking)
    }

    @Test func differentSeedsDifferWithinSamplingError() throws {
        let one = try #require(try Engine(rules: Self.rules(seed: 1)).evaluate(Self.data).stability)
        let two = try #require(try Engine(rules: Self.rules(seed: 2)).evaluate(Self.data).stability)
        #expect(one != two)
        for (x, y) in zip(one.areas, two.areas) {
            #expect(abs(x.pSelected - y.pSelected) < 0.1, "\(x.id)")
            #expect(abs(x.meanRank - y.meanRank) < 0.2, "\(x.id)")
        }
    }

    @Test func figuresAreConsistent() throws {
        let s = try #require(try Engine(rules: Self.rules()).evaluate(Self.data).stability)
        #expect(abs(s.areas.reduce(0) { $0 + $1.pFirst } - 1) < 1e-12)
        #expect(abs(s.areas.reduce(0) { $0 + $1.pSelected } - 2) < 1e-12)  // top 2 in every sample
        #expect(abs(s.areas.reduce(0) { $0 + $1.meanRank } - 10) < 1e-9)  // 1 + 2 + 3 + 4
        #expect(s.areas.first { $0.id == "d" }?.pSelected == 0)
        #expect(s.selectionHolds > 0 && s.selectionHolds < 1)
        #expect(s.verdict.contains("holds in"))
        #expect(s.verdict == s.verdict(in: .en))
        #expect(s.verdict(in: .sv).hasPrefix("Urvalet (2 områden) håller i "))
        #expect(s.mostFrequentSwap != nil)
    }

    @Test func zeroSamplesTurnsItOff() throws {
        #expect(try Engine(rules: Self.rules(samples: 0)).evaluate(Self.data).stability == nil)
    }
}
