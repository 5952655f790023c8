extension ScoreModel {
    /// The weighted score alone, as ``score(_:weights:)`` computes it (the same terms added in the same
    /// order, so the same bits) but without the contributions and the arrays behind them: what each of
    /// the rank-stability samples needs.
    /// - Throws: with `missing: error`, for a missing factor whose weight is > 0.
    func weightedScore(_ factors: AreaFactors, weights w: FactorWeights) throws(FokusError) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        func add(_ factor: Factor) throws(FokusError) {
            let weight = w[factor]
            let value: Double
            if let n = factors.n(factor) {
                value = n
            } else {
                switch missing {
                case .renormalise: return
                case .zero: value = 0
                case .neutral: value = 0.5
                case .error:
                    if weight > 0 { _ = try score(factors, weights: w) }  // throws the usual error
                    return
                }
            }
            numerator += weight * value
            denominator += weight
        }
        for factor in Factor.builtIn { try add(factor) }
        for signal in w.signals { try add(.signal(signal.id)) }
        return denominator > 0 ? numerator / denominator : 0
    }
}

extension Engine {
    /// The ranking and selection of one rank-stability sample: ``rankAndSelect(_:model:)`` without the
    /// per-area details (contributions, weights) that only the evaluation itself reports.
    func rankSample(_ factors: [AreaFactors], model: ScoreModel) throws(FokusError) -> (
        ranked: [Ranking.Entry], selected: [Bool]
    ) {
        var entries: [Ranking.Entry] = []
        entries.reserveCapacity(factors.count)
        for (index, f) in factors.enumerated() {
            let weighted = try model.weightedScore(f, weights: model.weights(for: f.area))
            let outcome = RuleOutcome.apply(rules.rules, to: f, score: weighted)
            entries.append(
                Ranking.Entry(
                    index: index, id: f.area.id, score: outcome.score, nConcern: f.concern?.n,
                    included: outcome.included, excluded: outcome.excluded, evidence: f.hasEvidence))
        }
        let ranked = Ranking.rank(entries)
        return (ranked, Ranking.selection(of: ranked, settings: rules.selection))
    }
}
