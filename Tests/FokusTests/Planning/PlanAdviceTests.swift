import Foundation
import Testing

@testable import Fokus

/// `fokus check` warns when a catalogue's plan may not be proven optimal in time; an evaluation says so too.
struct PlanAdviceTests {
    static func rules(measures: Int) throws -> RuleSet {
        let (catalogue, _, _) = PlanSearchTests.catalogue(count: measures, resources: 10, equalValues: false, seed: 5)
        var yaml = "areas:\n" + (0..<10).map { "  - id: a\($0)\n    categories: [Brott \($0)]\n" }.joined() + "measures:\n"
        for m in catalogue {
            let cost = m.cost.map { "\($0.resource): \(Int($0.amount))" }.joined(separator: ", ")
            yaml += "  - id: \(m.id)\n    addresses: [\(m.addresses[0])]\n    cost: {\(cost)}\n    effect: \(m.effect)\n"
        }
        return try RuleSetLoader.load(yaml: yaml, file: "katalog.yaml")
    }

    @Test func theBundledCatalogueIsProvenInTime() throws {
        let rules = try RuleSetLoader.load(from: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules"))
        #expect(rules.planAdvice().isEmpty)
    }

    @Test func aCatalogueBeyondTheTimeLimitIsWarnedAbout() throws {
        let rules = try Self.rules(measures: 300)
        let advice = rules.planAdvice(nodeLimit: 0)
        #expect(advice.count == 1)
        #expect(advice.first?.message.hasPrefix("the catalogue of 300 measures over 10 resources is beyond what Fokus proves optimal") == true)
    }

    @Test func anUnprovenPlanIsAWarningWithItsGap() {
        let (measures, available, scores) = PlanSearchTests.catalogue(count: 300, resources: 10, equalValues: false, seed: 8)
        var planner = MeasurePlanner(measures: measures, selectedScores: scores, available: available, displayName: { $0.folded })
        planner.nodeLimit = 0
        let warning = planner.solve().unprovenWarning
        #expect(warning?.message.hasPrefix("the measure plan is the best found within the search limit, not proven optimal: among 300 candidate measures") == true)
    }
}
