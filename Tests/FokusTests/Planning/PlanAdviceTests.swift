import Foundation
import Testing

@testable import Fokus

/// `fokus check` warns when a catalogue's plan may not be proven optimal in time; an evaluation says so too.
struct PlanAdviceTests {
    static func rules(measures: Int, select: String = "") throws -> RuleSet {
        let (catalogue, _, _) = PlanSearchTests.catalogue(count: measures, resources: 10, equalValues: false, seed: 5)
        var yaml = select + "areas:\n" + (0..<10).map { "  - id: a\($0)\n    categories: [Brott \($0)]\n" }.joined() + "measures:\n"
        for m in catalogue {
            let cost = m.cost.map { "\($0.resource): \(Int($0.amount))" }.joined(separator: ", ")
            yaml += "  - id: \(m.id)\n    addresses: [\(m.addresses[0])]\n    cost: {\(cost)}\n    effect: \(m.effect)\n"
        }
        return try RuleSetLoader.load(yaml: yaml, file: "katalog.yaml")
    }

    @Test func theBundledCatalogueIsProvenInTime() throws {
        let rules = try RuleSetLoader.load(
            from: URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("rules"))
        #expect(rules.planAdvice().isEmpty)
    }

    @Test func aCatalogueBeyondTheTimeLimitIsWarnedAbout() throws {
        let rules = try Self.rules(measures: 300)
        let advice = rules.planAdvice(nodeLimit: 0)
        #expect(advice.count == 1)
        #expect(
            advice.first?.message.hasPrefix("the catalogue of 300 measures over 10 resources is beyond what Fokus proves optimal") == true)
    }

    /// The resources of a scope in the data: a quarter of what the whole catalogue would use.
    static func data(measures: Int) -> Dataset {
        let (_, available, _) = PlanSearchTests.catalogue(count: measures, resources: 10, equalValues: false, seed: 5)
        var data = Dataset()
        for (resource, amount) in available {
            data.addResource(scope: "K", period: .year(2023), resource: resource.folded, available: amount)
        }
        return data
    }

    @Test func aCatalogueIsProvenForTheTopThreeButNotForEveryArea() throws {
        #expect(try Self.rules(measures: 100).planAdvice(for: Self.data(measures: 100)).isEmpty)
        let data = Self.data(measures: 200)
        let everyArea = try Self.rules(measures: 200, select: "select: {min_score: 0}\n")
            .planAdvice(for: data, nodeLimit: 100_000)
        #expect(everyArea.first?.message.contains("when 10 areas with 200 measures between them are selected") == true)
    }

    @Test func aPlanWhoseValueIsProvenButWhoseTiesAreNotSaysSo() {
        // Equal values: the best value is found at once, the cheapest of the many tying plans takes longer.
        var generator = LCG(state: 99)
        let measures = (0..<14).map { j in
            Measure(
                id: "m\(j)", name: "m\(j)", addresses: ["a"],
                cost: [ResourceCost(resource: "tid", amount: Double(Int.random(in: 1...9, using: &generator)))],
                effect: 0.5, evidence: .strong)
        }
        var messages: [String] = []
        for limit in stride(from: 1, through: 400, by: 3) {
            var planner = MeasurePlanner(
                measures: measures, selectedScores: ["a": 1], available: [NameKey("tid"): 30], displayName: { $0.folded })
            planner.nodeLimit = limit
            let plan = planner.solve()
            if !plan.isProvenOptimal, plan.upperBound == plan.totalValue, let warning = plan.unprovenWarning {
                messages.append(warning.message)
            }
        }
        #expect(messages.first?.hasPrefix("the measure plan has the best possible value, but among 14 candidate") == true)
    }

    @Test func anUnprovenPlanIsAWarningWithItsGap() {
        let (measures, available, scores) = PlanSearchTests.catalogue(count: 300, resources: 10, equalValues: false, seed: 8)
        var planner = MeasurePlanner(measures: measures, selectedScores: scores, available: available, displayName: { $0.folded })
        planner.nodeLimit = 0
        let warning = planner.solve().unprovenWarning
        #expect(
            warning?.message.hasPrefix(
                "the measure plan is the best found within the search limit, not proven optimal: among 300 candidate measures") == true)
    }
}
