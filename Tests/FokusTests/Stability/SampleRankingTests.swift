import Foundation
import Testing

@testable import Fokus

/// The lean ranking each rank-stability sample uses gives exactly the evaluation's ranking and selection,
/// with the observed factors and with factors redrawn from the data's uncertainty.
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
        let still = DataDraws(factors: factors, data: scopeData, rules: rules, vary: [])
        let drawn = DataDraws(factors: factors, data: scopeData, rules: rules, vary: [.counts, .shares])
        #expect(still.isEmpty)
        #expect(!drawn.isEmpty)
        // One ranker for each, kept from sample to sample as the rank-stability samples keep it.
        var constant = SampleRanker(rules: rules, factors: factors, globalWeights: base, draws: still, idOrder: order)
        var varied = SampleRanker(rules: rules, factors: factors, globalWeights: base, draws: drawn, idOrder: order)
        var weights = [Double](repeating: .nan, count: 3 + base.signals.count)
        var draw = [Double](repeating: .nan, count: drawn.width)
        for _ in 0..<300 {
            weights.withUnsafeMutableBufferPointer { sampler.next(into: $0.baseAddress!, using: &generator) }
            draw.withUnsafeMutableBufferPointer { drawn.draw(into: $0.baseAddress!, using: &generator) }
            var sampleWeights = base
            for (slot, factor) in base.factors.enumerated() { sampleWeights[factor] = weights[slot] }
            let model = ScoreModel(globalWeights: sampleWeights, missing: rules.missing)
            var redrawn = factors
            draw.withUnsafeBufferPointer { drawn.apply($0.baseAddress!, to: &redrawn) }

            let full = try engine.rankAndSelect(factors, model: model).ranking
            try constant.rank(weights: weights, draw: nil)
            #expect(constant.entries.map(\.index) == full.ranked.map(\.index))
            #expect(constant.entries.map(\.score) == full.ranked.map(\.score))
            #expect(constant.selected == full.selected)

            let fullDrawn = try engine.rankAndSelect(redrawn, model: model).ranking
            try varied.rank(weights: weights, draw: draw)
            #expect(varied.entries.map(\.index) == fullDrawn.ranked.map(\.index))
            #expect(varied.entries.map(\.score) == fullDrawn.ranked.map(\.score))
            #expect(varied.selected == fullDrawn.selected)
        }
    }
}
