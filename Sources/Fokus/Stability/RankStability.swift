/// How much the ranking and the selection hang on the weight choices and on the data's uncertainty
/// (SPEC 4 "Sensitivity", 4.2).
///
/// Each sample draws, with one `SeededGenerator` seeded with `sensitivity.seed`, a global weight
/// vector from Dirichlet(α·w) with `DirichletSampler` (when weights are varied), then the count cells
/// and the shares with respondents (when varied; see `DataDraws` for the order), reapplies the per-area
/// overrides, and recomputes the factors, the scores, the rules, the ranking and the selection. The same
/// rules, data and seed always give the same figures.
public struct RankStability: Sendable, Hashable {
    /// One area's figures over the samples.
    public struct AreaFigures: Sendable, Hashable {
        /// The area's id.
        public internal(set) var id: String
        /// Share of samples in which the area ranked first.
        public internal(set) var pFirst: Double
        /// Share of samples in which it was selected.
        public internal(set) var pSelected: Double
        /// Its mean rank.
        public internal(set) var meanRank: Double
    }

    /// Two areas whose order flips in some samples.
    public struct Swap: Sendable, Hashable {
        /// The area ranked higher in the evaluation.
        public internal(set) var higher: String
        /// The area ranked lower.
        public internal(set) var lower: String
        /// Share of samples in which `lower` ranks above `higher`.
        public internal(set) var share: Double
    }

    /// The settings used.
    public internal(set) var settings: SensitivitySettings
    /// Per area, in the evaluation's rank order.
    public internal(set) var areas: [AreaFigures]
    /// Share of samples whose selection is exactly the evaluation's selection.
    public internal(set) var selectionHolds: Double
    /// The adjacent pair among the leading areas that swaps most often, if any swaps at all.
    public internal(set) var mostFrequentSwap: Swap?
    /// How many areas the evaluation selected.
    public internal(set) var selectedCount: Int
    /// What the samples varied, in the order weights, counts, shares.
    public internal(set) var vary: [SensitivitySource] = []
    /// Whether no area has two or more present factors with weight, so that weights cannot change the order.
    public internal(set) var singleFactor = false
    /// Selected areas whose trend rests on fewer than ten crimes a period (latest and baseline).
    public internal(set) var fewCrimes: [String] = []

    /// Whether the samples varied the weights alone (or what was varied is not known), so that they are
    /// plausible weightings rather than draws of the data too.
    public var variesWeightsOnly: Bool { vary.isEmpty || vary == [.weights] }

    /// A one-line verdict for the group in `language`, e.g. "The selection (3 areas) holds in 94%
    /// of 2000 plausible weightings; trafik and inbrott swap places in 41%." or "Urvalet (3
    /// områden) håller i 94 % av 2000 rimliga viktningar; trafik och inbrott byter plats i 41 %."
    public func verdict(in language: ReportLanguage) -> String {
        ReportStrings(language).verdict(self)
    }

    /// The verdict in English, as `report.json` carries it for scripts.
    public var verdict: String { verdict(in: .en) }
}

extension Engine {
    /// Recomputes rank and selection under `settings.samples` samples of the weights and the data.
    func stability(
        factors: [AreaFactors], data: ScopeData, baseline ranked: [Ranking.Entry], selected: [Bool],
        globalWeights: FactorWeights, settings: SensitivitySettings
    ) throws(FokusError) -> RankStability {
        let count = factors.count
        var first = [Int](repeating: 0, count: count)
        var chosen = [Int](repeating: 0, count: count)
        var rankSum = [Int](repeating: 0, count: count)
        let baselineSelection = Set(zip(ranked, selected).filter(\.1).map(\.0.index))
        var holds = 0
        // Adjacent pairs among the leading areas: (higher index, lower index).
        let leading = min(ranked.count, (rules.selection.top ?? baselineSelection.count) + 2)
        let pairs = leading < 2 ? [] : (0..<(leading - 1)).map { (ranked[$0].index, ranked[$0 + 1].index) }
        var flips = [Int](repeating: 0, count: pairs.count)

        var generator = SeededGenerator(seed: settings.seed)
        let varyWeights = settings.vary.contains(.weights)
        let sampler = DirichletSampler(base: globalWeights, concentration: settings.concentration)
        let draws = DataDraws(factors: factors, data: data, rules: rules, vary: settings.vary)
        var position = [Int](repeating: 0, count: count)
        let idOrder = self.idOrder(factors)
        let constantAreas = draws.isEmpty ? factors.map { SampleArea($0, signals: globalWeights.signals) } : nil
        for _ in 0..<settings.samples {
            let weights = varyWeights ? sampler.next(using: &generator) : globalWeights
            let model = ScoreModel(globalWeights: weights, missing: rules.missing)
            let sampleFactors = draws.isEmpty ? factors : draws.next(factors, using: &generator)
            let (sampleRanked, sampleSelected) = try rankSample(sampleFactors, model: model, idOrder: idOrder, areas: constantAreas)
            for (place, entry) in sampleRanked.enumerated() {
                position[entry.index] = place
                rankSum[entry.index] += place + 1
                if sampleSelected[place] { chosen[entry.index] += 1 }
            }
            if let top = sampleRanked.first { first[top.index] += 1 }
            let selection = Set(zip(sampleRanked, sampleSelected).filter(\.1).map(\.0.index))
            if selection == baselineSelection { holds += 1 }
            for (i, pair) in pairs.enumerated() where position[pair.1] < position[pair.0] { flips[i] += 1 }
        }
        let n = Double(max(settings.samples, 1))
        var swap: RankStability.Swap?
        for (i, pair) in pairs.enumerated() where flips[i] > 0 {
            if swap == nil || Double(flips[i]) / n > swap!.share {
                swap = RankStability.Swap(
                    higher: factors[pair.0].area.id, lower: factors[pair.1].area.id, share: Double(flips[i]) / n)
            }
        }
        let model = ScoreModel(globalWeights: globalWeights, missing: rules.missing)
        let presentFactors = factors.map { f in
            let weights = model.weights(for: f.area)
            return weights.factors.filter { weights[$0] > 0 && f.n($0) != nil }.count
        }
        var stability = RankStability(
            settings: settings,
            areas: ranked.map { entry in
                RankStability.AreaFigures(
                    id: entry.id, pFirst: Double(first[entry.index]) / n, pSelected: Double(chosen[entry.index]) / n,
                    meanRank: Double(rankSum[entry.index]) / n)
            },
            selectionHolds: Double(holds) / n, mostFrequentSwap: swap, selectedCount: baselineSelection.count)
        stability.vary = settings.vary.sorted()
        stability.singleFactor = (presentFactors.max() ?? 0) <= 1
        stability.fewCrimes = zip(ranked, selected).filter(\.1).compactMap { entry, _ in
            guard let trend = factors[entry.index].trend, max(trend.latest, trend.baseline) < 10 else { return nil }
            return entry.id
        }
        return stability
    }
}
