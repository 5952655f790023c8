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

/// One area's place in a rank-stability sample: ``Ranking/Entry`` without its id string (which every
/// move in the sort would retain and release), the id replaced by its place in code-point order.
struct SampleEntry {
    /// Index into the evaluation's area list.
    var index: Int
    var score: Double
    var nConcern: Double?
    var included: Bool
    var excluded: Bool
    var evidence: Bool
    /// The id's place among the ids in code-point order (ids are unique, so it orders as the id does).
    var idOrder: Int

    /// ``Ranking/isRankedBefore(_:_:)`` for sample entries: the same order.
    static func isRankedBefore(_ a: SampleEntry, _ b: SampleEntry) -> Bool {
        if a.evidence != b.evidence { return a.evidence }
        if a.score != b.score { return a.score > b.score }
        switch (a.nConcern, b.nConcern) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.idOrder < b.idOrder
        }
    }
}

extension Engine {
    /// Each area's id place in code-point order, by area index (for ``SampleEntry/idOrder``).
    func idOrder(_ factors: [AreaFactors]) -> [Int] {
        var order = [Int](repeating: 0, count: factors.count)
        for (place, index) in factors.indices.sorted(by: { factors[$0].area.id.precedesByCodePoint(factors[$1].area.id) })
            .enumerated()
        {
            order[index] = place
        }
        return order
    }

    /// The ranking and selection of one rank-stability sample: ``rankAndSelect(_:model:)`` without the
    /// per-area details (contributions, weights) that only the evaluation itself reports, and with
    /// ``Ranking/selection(of:settings:)``'s rules.
    func rankSample(_ factors: [AreaFactors], model: ScoreModel, idOrder: [Int]) throws(FokusError) -> (
        ranked: [SampleEntry], selected: [Bool]
    ) {
        var entries: [SampleEntry] = []
        entries.reserveCapacity(factors.count)
        for index in factors.indices {
            let weighted = try model.weightedScore(factors[index], weights: model.weights(for: factors[index].area))
            let outcome = RuleOutcome.apply(rules.rules, to: factors[index], score: weighted)
            entries.append(
                SampleEntry(
                    index: index, score: outcome.score, nConcern: factors[index].concern?.n,
                    included: outcome.included, excluded: outcome.excluded, evidence: factors[index].hasEvidence,
                    idOrder: idOrder[index]))
        }
        entries.sort(by: SampleEntry.isRankedBefore)
        let settings = rules.selection
        let selected = entries.enumerated().map { position, entry in
            if entry.excluded { return false }
            if entry.included { return true }
            if !entry.evidence { return false }
            if let top = settings.top, position >= top { return false }
            if let minScore = settings.minScore, entry.score < minScore { return false }
            return true
        }
        return (entries, selected)
    }
}
