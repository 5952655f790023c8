extension ScoreModel {
    /// The weighted score alone, as ``score(_:weights:)`` computes it (the same terms added in the same
    /// order, so the same bits) but without the contributions and the arrays behind them: what each of
    /// the rank-stability samples needs.
    /// - Throws: with `missing: error`, for a missing factor whose weight is > 0.
    func weightedScore(_ factors: AreaFactors, weights w: FactorWeights) throws(FokusError) -> Double {
        try weightedScore(SampleArea.values(of: factors, signals: w.signals), weights: w) { () throws(FokusError) in
            _ = try score(factors, weights: w)  // throws the usual error
        }
    }

    /// The weighted score from the factors' normalised values `n` (built-in factors, then `w`'s signals
    /// in order; `nil` for a missing one). `missingError` is called for a missing factor with weight
    /// under `missing: error`.
    func weightedScore(
        _ n: [Double?], weights w: FactorWeights, missingError: () throws(FokusError) -> Void
    ) throws(FokusError) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        for i in n.indices {
            let weight: Double
            switch i {
            case 0: weight = w.crimeTrend
            case 1: weight = w.citizenConcern
            case 2: weight = w.resources
            default: weight = w.signals[i - 3].weight
            }
            let value: Double
            if let v = n[i] {
                value = v
            } else {
                switch missing {
                case .renormalise: continue
                case .zero: value = 0
                case .neutral: value = 0.5
                case .error:
                    if weight > 0 { try missingError() }
                    continue
                }
            }
            numerator += weight * value
            denominator += weight
        }
        return denominator > 0 ? numerator / denominator : 0
    }
}

/// What a rank-stability sample needs of an area, as plain values: taken once when the samples do not
/// vary the data (the factors are then the same in every sample), so no sample copies an area's factors.
struct SampleArea {
    /// Normalised values: crime trend, citizen concern, resources, then the signals of the weights.
    var n: [Double?]
    /// Whether the area overrides weights (then its weights are recomputed per sample).
    var hasOverrides: Bool
    var evidence: Bool

    init(_ factors: AreaFactors, signals: [FactorWeights.SignalWeight]) {
        n = Self.values(of: factors, signals: signals)
        hasOverrides = !factors.area.weightOverrides.isEmpty
        evidence = factors.hasEvidence
    }

    /// The factors' normalised values in weight order.
    static func values(of factors: AreaFactors, signals: [FactorWeights.SignalWeight]) -> [Double?] {
        var n: [Double?] = [factors.trend?.n, factors.concern?.n, factors.resources?.n]
        for signal in signals { n.append(factors.n(.signal(signal.id))) }
        return n
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
    func rankSample(
        _ factors: [AreaFactors], model: ScoreModel, idOrder: [Int], areas given: [SampleArea]? = nil
    ) throws(FokusError) -> (ranked: [SampleEntry], selected: [Bool]) {
        let areas = given ?? factors.map { SampleArea($0, signals: model.globalWeights.signals) }
        var entries: [SampleEntry] = []
        entries.reserveCapacity(factors.count)
        let plainRules = rules.rules.isEmpty
        for index in areas.indices {
            let area = areas[index]
            let weighted: Double
            if area.hasOverrides {
                weighted = try model.weightedScore(factors[index], weights: model.weights(for: factors[index].area))
            } else {
                weighted = try model.weightedScore(area.n, weights: model.globalWeights) { () throws(FokusError) in
                    _ = try model.score(factors[index], weights: model.globalWeights)
                }
            }
            // Without rules the outcome is the weighted score itself (RuleOutcome.apply of no rules).
            let outcome =
                plainRules
                ? (score: weighted, included: false, excluded: false)
                : RuleOutcome.sampleOutcome(rules.rules, to: factors[index], score: weighted)
            entries.append(
                SampleEntry(
                    index: index, score: outcome.score, nConcern: area.n[1],
                    included: outcome.included, excluded: outcome.excluded, evidence: area.evidence,
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
