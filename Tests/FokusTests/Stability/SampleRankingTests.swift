import Foundation
import Testing

@testable import Fokus

/// The lean ranking each rank-stability sample uses gives exactly the evaluation's ranking and selection.
struct SampleRankingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["bundled", "national", "national-zero", "national-neutral"])
    func sampleRankingEqualsTheFullRanking(setup: String) throws {
        var rules: RuleSet
        let data: Dataset
        if setup == "bundled" {
            // Signals, per-area weight overrides and `when:` rules.
            rules = try RuleSetLoader.load(from: Self.root.appendingPathComponent("rules"))
            data = try DatasetLoader.load(from: Self.root.appendingPathComponent("Samples/kungsor"))
        } else {
            rules = try RuleSetLoader.load(yaml: NationalTestData.rules, file: "rules.yaml")
            if setup == "national-zero" { rules.missing = .zero }
            if setup == "national-neutral" { rules.missing = .neutral }
            data = try NationalTestData.dataset(seed: 3)
        }
        let engine = Engine(rules: rules)
        let scope = setup == "bundled" ? "Kungsör" : "Köping"
        let scopeData = try ScopeData(dataset: data, scope: scope, choice: rules.period)
        let factors = engine.computeFactors(data: scopeData)
        let base = try #require(rules.weights.normalised())
        let sampler = DirichletSampler(base: base, concentration: 5)
        var generator = SeededGenerator(seed: 11)
        let order = engine.idOrder(factors)
        let constant = factors.map { SampleArea($0, signals: base.signals) }
        for _ in 0..<300 {
            let model = ScoreModel(globalWeights: sampler.next(using: &generator), missing: rules.missing)
            let full = try engine.rankAndSelect(factors, model: model).ranking
            for areas in [constant, nil] {
                let lean = try engine.rankSample(factors, model: model, idOrder: order, areas: areas)
                #expect(lean.ranked.map(\.index) == full.ranked.map(\.index))
                #expect(lean.ranked.map(\.score) == full.ranked.map(\.score))
                #expect(lean.selected == full.selected)
            }
        }
    }
}
