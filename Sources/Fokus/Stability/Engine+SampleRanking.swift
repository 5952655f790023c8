extension ScoreModel {
    /// The weighted score alone, as ``score(_:weights:)`` computes it (the same terms added in the same
    /// order, so the same bits) but without the contributions and the arrays behind them.
    /// - Throws: with `missing: error`, for a missing factor whose weight is > 0.
    func weightedScore(_ factors: AreaFactors, weights w: FactorWeights) throws(FokusError) -> Double {
        let n = [factors.trend?.n, factors.concern?.n, factors.resources?.n] + w.signals.map { factors.n(.signal($0.id)) }
        let weights = [w.crimeTrend, w.citizenConcern, w.resources] + w.signals.map(\.weight)
        return try weightedScore(n, from: 0, weights: weights) { () throws(FokusError) in
            _ = try score(factors, weights: w)  // throws the usual error
        }
    }

    /// The weighted score from the normalised values `n[start...]` and their weights `w` (built-in
    /// factors in the order crime trend, citizen concern, resources, then the signals in order; `nil` for
    /// a missing value). `missingError` is called for a missing factor with weight under `missing: error`.
    @inline(__always)
    func weightedScore(
        _ n: [Double?], from start: Int, weights w: [Double], missingError: () throws(FokusError) -> Void
    ) throws(FokusError) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        for i in w.indices {
            let weight = w[i]
            let value: Double
            if let v = n[start + i] {
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
}

/// Ranks the rank-stability samples of one evaluation, one after the other: ``Engine/rankAndSelect(_:model:)``
/// without the per-area details (contributions, weights) that only the evaluation itself reports, and
/// with ``Ranking/selection(of:settings:)``'s rules. Everything a sample needs is laid out once, by index,
/// in buffers reused from sample to sample, so that a sample allocates nothing and looks nothing up by name.
struct SampleRanker {
    private let rules: [Rule]
    private let selection: SelectionSettings
    private let missing: MissingPolicy
    /// The missing policy's model (its weights are not used: each sample brings its own).
    private let model: ScoreModel
    private let draws: DataDraws
    private let globalWeights: FactorWeights
    /// The current sample's factors (the observed ones, with what the samples vary redrawn in place).
    private var factors: [AreaFactors]
    /// How many weights a sample has: the three built-in factors, then the signals.
    private let width: Int
    /// The current sample's weights, in ``FactorWeights/factors`` order.
    private var weights: [Double]
    /// An area's weights with its overrides (scratch).
    private var areaWeights: [Double]
    /// Per area (`width` each): the normalised values in weight order, `nil` when missing.
    private var n: [Double?]
    /// Per area and signal weight (`width − 3` each): the index of the area's signal factor with the
    /// weight's id, −1 when it has none.
    private let signalIndex: [Int]
    /// Per area: its weight overrides as a span of `overrideList`; `nil` without overrides.
    private let overrides: [Range<Int>?]
    private let overrideList: [(slot: Int, value: Double)]
    /// Per area: whether its overrides name a factor the weights do not have (then the general path).
    private let overridesOther: [Bool]
    /// Per area: whether a sample's draw changes its factors.
    private let varies: [Bool]
    private let evidence: [Bool]
    private let idOrder: [Int]
    /// Per area: what `when:` expressions see (kept current with `factors`; empty without rules).
    private var facts: [AreaFacts]
    /// Per area and declared signal: where the signal's entries are in the area's `facts` dictionaries.
    private let factIndex: [(raw: Dictionary<String, Double>.Index, n: Dictionary<String, Double>.Index)?]
    private let signalCount: Int
    /// Per area and rule (area-major): the rule's condition as the area's samples see it.
    private let conditions: [SampleCondition]
    /// The sample's ranking.
    private(set) var entries: [SampleEntry]
    /// The sample's selection, by place in ``entries``.
    private(set) var selected: [Bool]

    init(rules: RuleSet, factors: [AreaFactors], globalWeights: FactorWeights, draws: DataDraws, idOrder: [Int]) {
        self.rules = rules.rules
        selection = rules.selection
        missing = rules.missing
        model = ScoreModel(globalWeights: globalWeights, missing: rules.missing)
        self.draws = draws
        self.globalWeights = globalWeights
        self.factors = factors
        self.idOrder = idOrder
        let signalIDs = globalWeights.signals.map(\.id)
        width = 3 + signalIDs.count
        weights =
            [globalWeights.crimeTrend, globalWeights.citizenConcern, globalWeights.resources]
            + globalWeights.signals.map(\.weight)
        areaWeights = weights
        var n: [Double?] = []
        var signalIndex: [Int] = []
        var overrides: [Range<Int>?] = []
        var overrideList: [(slot: Int, value: Double)] = []
        var overridesOther: [Bool] = []
        for f in factors {
            n += [f.trend?.n, f.concern?.n, f.resources?.n] + signalIDs.map { f.n(.signal($0)) }
            signalIndex += signalIDs.map { id in f.signals.firstIndex { $0?.id == id } ?? -1 }
            if f.area.weightOverrides.isEmpty {
                overrides.append(nil)
                overridesOther.append(false)
                continue
            }
            let start = overrideList.count
            var other = false
            for (factor, value) in f.area.weightOverrides {
                let slot: Int?
                switch factor {
                case .crimeTrend: slot = 0
                case .citizenConcern: slot = 1
                case .resources: slot = 2
                case .signal(let id): slot = signalIDs.firstIndex(of: id).map { 3 + $0 }
                }
                if let slot { overrideList.append((slot, value)) } else { other = true }
            }
            overrides.append(start..<overrideList.count)
            overridesOther.append(other)
        }
        self.n = n
        self.signalIndex = signalIndex
        self.overrides = overrides
        self.overrideList = overrideList
        self.overridesOther = overridesOther
        varies = factors.indices.map { draws.varies(area: $0) }
        evidence = factors.map(\.hasEvidence)
        let facts = rules.rules.isEmpty ? [] : factors.map { $0.facts(score: 0) }
        signalCount = rules.signals.count
        factIndex = facts.indices.flatMap { a in
            factors[a].signals.map { signal in
                signal.map { (facts[a].signalRaw.index(forKey: $0.id)!, facts[a].signalN.index(forKey: $0.id)!) }
            }
        }
        self.facts = facts
        // What no sample changes: the area's id, owners and resources, and every fact but the score of an
        // area the draws leave as it is.
        let varies = self.varies
        conditions = facts.indices.flatMap { a in
            rules.rules.map { rule in
                SampleCondition(rule.condition, facts: facts[a]) { variable in
                    switch variable {
                    case .score: false
                    case .areaID, .areaOwners, .resourcesRaw, .nResources: true
                    default: !varies[a]
                    }
                }
            }
        }
        entries = []
        entries.reserveCapacity(factors.count)
        selected = [Bool](repeating: false, count: factors.count)
    }

    /// The current sample's weights as ``FactorWeights`` (for the general path and the errors).
    private func sampleWeights() -> FactorWeights {
        var w = globalWeights
        w.crimeTrend = weights[0]
        w.citizenConcern = weights[1]
        w.resources = weights[2]
        for j in 3..<width { w[.signal(globalWeights.signals[j - 3].id)] = weights[j] }
        return w
    }

    /// Ranks and selects one sample: `sampleWeights` (``width`` numbers, ``FactorWeights/factors`` order;
    /// `nil` for the global weights) and `draw` (``DataDraws/draw(into:using:)``; `nil` when the data are
    /// not varied). The result is in ``entries`` and ``selected``.
    mutating func rank(weights sampleWeights: UnsafePointer<Double>?, draw: UnsafePointer<Double>?) throws(FokusError) {
        if let sampleWeights {
            for i in 0..<width { weights[i] = sampleWeights[i] }
        }
        if let draw {
            draws.apply(draw, to: &factors)
            for a in factors.indices where varies[a] { refresh(a) }
        }
        entries.removeAll(keepingCapacity: true)
        for index in factors.indices {
            let weighted = try score(index)
            // Without rules the outcome is the weighted score itself (RuleOutcome.apply of no rules).
            let outcome =
                rules.isEmpty
                ? (score: weighted, included: false, excluded: false)
                : conditions.withUnsafeBufferPointer { conditions in
                    RuleOutcome.sampleOutcome(
                        rules, conditions: UnsafeBufferPointer(rebasing: conditions[(index * rules.count)..<((index + 1) * rules.count)]),
                        facts: &facts[index], score: weighted)
                }
            entries.append(
                SampleEntry(
                    index: index, score: outcome.score, nConcern: n[index * width + 1],
                    included: outcome.included, excluded: outcome.excluded, evidence: evidence[index],
                    idOrder: idOrder[index]))
        }
        entries.sort(by: SampleEntry.isRankedBefore)
        for position in entries.indices {
            let entry = entries[position]
            selected[position] =
                if entry.excluded { false } else if entry.included { true } else if !entry.evidence {
                    false
                } else if let top = selection.top, position >= top {
                    false
                } else if let minScore = selection.minScore, entry.score < minScore { false } else { true }
        }
    }

    /// Area `index`'s weighted score under the current sample's weights and its overrides.
    private mutating func score(_ index: Int) throws(FokusError) -> Double {
        if overridesOther[index] {
            let model = ScoreModel(globalWeights: sampleWeights(), missing: missing)
            return try model.weightedScore(factors[index], weights: model.weights(for: factors[index].area))
        }
        guard let span = overrides[index] else {
            return try model.weightedScore(n, from: index * width, weights: weights) { () throws(FokusError) in
                _ = try ScoreModel(globalWeights: sampleWeights(), missing: missing)
                    .score(factors[index], weights: sampleWeights())
            }
        }
        // ScoreModel.weights(for:): the sample's weights with the overrides, normalised again.
        for i in 0..<width { areaWeights[i] = weights[i] }
        for i in span { areaWeights[overrideList[i].slot] = overrideList[i].value }
        var total = (areaWeights[0] + areaWeights[1]) + areaWeights[2]
        for i in 3..<width { total += areaWeights[i] }
        let normalisable = total > 0 && total.isFinite
        for i in 0..<width { areaWeights[i] = normalisable ? areaWeights[i] / total : 0 }
        return try model.weightedScore(n, from: index * width, weights: areaWeights) { () throws(FokusError) in
            let model = ScoreModel(globalWeights: sampleWeights(), missing: missing)
            _ = try model.score(factors[index], weights: model.weights(for: factors[index].area))
        }
    }

    /// Takes area `a`'s normalised values and facts from its redrawn factors (read in place, through
    /// optional chaining: reading `factors[a]`, or a factor, through the array would copy it).
    private mutating func refresh(_ a: Int) {
        let row = a * width
        let signals = width - 3
        factors.withUnsafeBufferPointer { factors in
            let f = factors.baseAddress! + a
            n[row] = f.pointee.trend?.n
            n[row + 1] = f.pointee.concern?.n
            for j in 0..<signals {
                let s = signalIndex[a * signals + j]
                if s >= 0 { n[row + 3 + j] = f.pointee.signals[s]?.n }
            }
            guard !facts.isEmpty else { return }
            facts[a].trendZ = f.pointee.trend?.z
            facts[a].trendRatio = f.pointee.trend?.ratio
            facts[a].trendLatest = f.pointee.trend?.latest
            facts[a].trendBaseline = f.pointee.trend?.baseline
            facts[a].nTrend = f.pointee.trend?.n
            facts[a].concernRaw = f.pointee.concern?.raw
            facts[a].nConcern = f.pointee.concern?.n
            f.pointee.signals.withUnsafeBufferPointer { signals in
                for s in signals.indices {
                    // Set by the place the entry was found at once (the dictionaries never change size).
                    guard let raw = signals[s]?.raw, let n = signals[s]?.n, let slot = factIndex[a * signalCount + s]
                    else { continue }
                    facts[a].signalRaw.values[slot.raw] = raw
                    facts[a].signalN.values[slot.n] = n
                }
            }
        }
    }
}
