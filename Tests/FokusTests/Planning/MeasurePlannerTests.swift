import Testing

@testable import Fokus

struct MeasurePlannerTests {
    func measure(_ id: String, _ area: String, effect: Double, polis: Double, evidence: EvidenceGrade = .strong) -> Measure {
        Measure(
            id: id, name: id, addresses: [area], cost: [ResourceCost(resource: "polis", amount: polis)], effect: effect, evidence: evidence)
    }

    @Test func findsTheOptimumWhereGreedyFails() {
        // Capacity 10: greedy by value takes "big" (6) and nothing else fits; the optimum is two fives (4 + 4).
        let planner = MeasurePlanner(
            measures: [
                measure("big", "a", effect: 0.6, polis: 6), measure("x", "a", effect: 0.4, polis: 5),
                measure("y", "a", effect: 0.4, polis: 5),
            ],
            selectedScores: ["a": 1], available: [NameKey("polis"): 10], displayName: { $0.folded })
        let plan = planner.solve()
        #expect(plan.measureIDs == ["x", "y"])
        #expect(abs(plan.totalValue - 0.8) < 1e-15)
        #expect(plan.resources.first?.remaining == 0)
    }

    @Test func tiesGoToLowerCostThenSmallerIds() {
        let planner = MeasurePlanner(
            measures: [
                measure("b", "a", effect: 0.5, polis: 4), measure("a", "a", effect: 0.5, polis: 5),
                measure("c", "a", effect: 0.5, polis: 4),
            ],
            selectedScores: ["a": 1], available: [NameKey("polis"): 5], displayName: { $0.folded })
        #expect(planner.solve().measureIDs == ["b"])
    }

    @Test func equalCostsTieWhateverTheOrderOfAddition() {
        // {a, b, c} and {b, c, d} have equal values and the same costs; summed in id order their totals
        // differ in the last bit (0.6000000000000001 against 0.6): the ids must decide.
        let costs: [(String, Double, Double)] = [("a", 0.1, 0.5), ("b", 0.2, 1), ("c", 0.3, 1), ("d", 0.1, 0.5)]
        let measures = costs.map { id, cost, effect in
            Measure(
                id: id, name: id, addresses: ["x"], cost: [ResourceCost(resource: "tid", amount: cost)], effect: effect, evidence: .strong)
        }
        let plan = MeasurePlanner(
            measures: measures, selectedScores: ["x": 1], available: [NameKey("tid"): 0.6], displayName: { $0.folded }
        ).solve()
        #expect(plan.measureIDs == ["a", "b", "c"])
    }

    @Test func valueUsesEvidenceAndEverySelectedArea() {
        let m = Measure(id: "m", name: "m", addresses: ["a", "b", "c"], effect: 0.4, evidence: .moderate)
        let plan = MeasurePlanner(measures: [m], selectedScores: ["a": 0.5, "b": 0.25], available: [:], displayName: { $0.folded }).solve()
        #expect(plan.measures.first?.selectedAreas == ["a", "b"])
        #expect(abs(plan.totalValue - (0.5 * 0.4 * 0.75 + 0.25 * 0.4 * 0.75)) < 1e-15)
    }

    @Test func resourceMissingFromDataHasNothingAvailable() {
        let m = Measure(id: "m", name: "m", addresses: ["a"], cost: [ResourceCost(resource: "budget_kr", amount: 1)], effect: 1)
        let plan = MeasurePlanner(measures: [m], selectedScores: ["a": 1], available: [NameKey("polis"): 3], displayName: { $0.folded })
            .solve()
        #expect(plan.measures.isEmpty)
        #expect(plan.resources.map(\.resource) == ["budget_kr", "polis"])
        #expect(plan.resources.map(\.remaining) == [0, 3])
    }

    @Test func exhaustiveCheckOnRandomCatalogues() {
        var generator = LCG(state: 42)
        for _ in 0..<30 {
            let n = Int.random(in: 1...10, using: &generator)
            let measures = (0..<n).map { i in
                Measure(
                    id: "m\(i)", name: "m\(i)", addresses: ["a"],
                    cost: [
                        ResourceCost(resource: "p", amount: Double(Int.random(in: 0...6, using: &generator))),
                        ResourceCost(resource: "k", amount: Double(Int.random(in: 0...6, using: &generator))),
                    ],
                    effect: Double(Int.random(in: 1...9, using: &generator)) / 10, evidence: .strong)
            }
            let available = [NameKey("p"): 10.0, NameKey("k"): 8.0]
            let plan = MeasurePlanner(measures: measures, selectedScores: ["a": 1], available: available, displayName: { $0.folded })
                .solve()
            var bestValue = 0.0
            for mask in 0..<(1 << n) {
                let chosen = (0..<n).filter { mask & (1 << $0) != 0 }
                let p = chosen.reduce(0.0) { $0 + measures[$1].cost[0].amount }
                let k = chosen.reduce(0.0) { $0 + measures[$1].cost[1].amount }
                guard p <= 10, k <= 8 else { continue }
                bestValue = max(bestValue, chosen.reduce(0.0) { $0 + measures[$1].effect })
            }
            #expect(abs(plan.totalValue - bestValue) < 1e-9)
        }
    }
}

/// A small deterministic generator, so a failing catalogue can be reproduced.
struct LCG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}
