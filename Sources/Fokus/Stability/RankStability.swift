import Foundation

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
        let baselineSelection = Set(zip(ranked, selected).filter(\.1).map(\.0.index))
        // Adjacent pairs among the leading areas: (higher index, lower index).
        let leading = min(ranked.count, (rules.selection.top ?? baselineSelection.count) + 2)
        let pairs = leading < 2 ? [] : (0..<(leading - 1)).map { (ranked[$0].index, ranked[$0 + 1].index) }

        // The random numbers are drawn on one thread, in the documented order, one sample after the other,
        // into blocks; the rankings need none, so they run on the other threads as the blocks fill (block b
        // by part b % parts), each part counting on its own. The counts are whole numbers added up, so the
        // figures are the same however the samples are split.
        let varyWeights = settings.vary.contains(.weights)
        let sampler = DirichletSampler(base: globalWeights, concentration: settings.concentration)
        let draws = DataDraws(factors: factors, data: data, rules: rules, vary: settings.vary)
        let idOrder = self.idOrder(factors)
        let inBaseline = (0..<count).map { baselineSelection.contains($0) }
        let samples = settings.samples
        let parts = samples >= 200 ? min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8) : 1
        let blockSize = max(50, samples / 32)
        let blocks = (samples + blockSize - 1) / blockSize
        let weightWidth = varyWeights ? 3 + globalWeights.signals.count : 0
        let drawWidth = draws.isEmpty ? 0 : draws.width
        let buffer = SampleBuffer(samples: samples, weightWidth: weightWidth, drawWidth: drawWidth)
        let filled = (0..<blocks).map { _ in DispatchSemaphore(value: 0) }
        let tallies = SampleTallies(parts: parts)
        let rankPart: @Sendable (Int) -> Void = { part in
            var tally = SampleTally(areas: count, pairs: pairs.count)
            var position = [Int](repeating: 0, count: count)
            var ranker = SampleRanker(
                rules: self.rules, factors: factors, globalWeights: globalWeights, draws: draws, idOrder: idOrder)
            blocks: for block in stride(from: part, to: blocks, by: parts) {
                filled[block].wait()
                for sample in (block * blockSize)..<min(samples, (block + 1) * blockSize) {
                    do throws(FokusError) {
                        try ranker.rank(
                            weights: varyWeights ? UnsafePointer(buffer.weights + sample * weightWidth) : nil,
                            draw: draws.isEmpty ? nil : UnsafePointer(buffer.draws + sample * drawWidth))
                    } catch {
                        tally.failure = (sample, error)
                        break blocks
                    }
                    for place in 0..<count {
                        let index = ranker.entries[place].index
                        position[index] = place
                        tally.rankSum[index] += place + 1
                        if ranker.selected[place] { tally.chosen[index] += 1 }
                    }
                    if count > 0 { tally.first[ranker.entries[0].index] += 1 }
                    // Every area ranks once in a sample: the selection is the same when each area's membership is.
                    if (0..<count).allSatisfy({ ranker.selected[$0] == inBaseline[ranker.entries[$0].index] }) {
                        tally.holds += 1
                    }
                    for (i, pair) in pairs.enumerated() where position[pair.1] < position[pair.0] { tally.flips[i] += 1 }
                }
            }
            tallies.set(part, tally)
        }
        let generate: @Sendable () -> Void = {
            var generator = SeededGenerator(seed: settings.seed)
            for block in 0..<blocks {
                for sample in (block * blockSize)..<min(samples, (block + 1) * blockSize) {
                    if varyWeights { sampler.next(into: buffer.weights + sample * weightWidth, using: &generator) }
                    if !draws.isEmpty { draws.draw(into: buffer.draws + sample * drawWidth, using: &generator) }
                }
                filled[block].signal()
            }
        }
        if parts > 1 {
            // The draws on a thread of their own (never waiting for a pool), the rankings on this thread
            // and the pool's: each part waits only for blocks the drawing thread fills, so all make progress.
            let drawn = DispatchSemaphore(value: 0)
            Thread {
                generate()
                drawn.signal()
            }.start()
            DispatchQueue.concurrentPerform(iterations: parts, execute: rankPart)
            drawn.wait()
        } else {
            generate()
            rankPart(0)
        }
        // The first sample that failed (as the samples one after the other would have).
        if let failure = tallies.parts.compactMap(\.failure).min(by: { $0.sample < $1.sample }) { throw failure.error }
        var first = [Int](repeating: 0, count: count)
        var chosen = [Int](repeating: 0, count: count)
        var rankSum = [Int](repeating: 0, count: count)
        var holds = 0
        var flips = [Int](repeating: 0, count: pairs.count)
        for tally in tallies.parts {
            for i in 0..<count {
                first[i] += tally.first[i]
                chosen[i] += tally.chosen[i]
                rankSum[i] += tally.rankSum[i]
            }
            holds += tally.holds
            for i in flips.indices { flips[i] += tally.flips[i] }
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

/// What one part of the rank-stability samples counted.
struct SampleTally {
    var first: [Int]
    var chosen: [Int]
    var rankSum: [Int]
    var holds = 0
    var flips: [Int]
    /// The first sample of the part whose ranking failed, with the error.
    var failure: (sample: Int, error: FokusError)?

    init(areas: Int, pairs: Int) {
        first = [Int](repeating: 0, count: areas)
        chosen = first
        rankSum = first
        flips = [Int](repeating: 0, count: pairs)
    }
}

/// The parts' tallies, written from several threads, one slot each.
final class SampleTallies: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SampleTally?]

    init(parts: Int) { slots = Array(repeating: nil, count: parts) }

    func set(_ part: Int, _ tally: SampleTally) {
        lock.lock()
        defer { lock.unlock() }
        slots[part] = tally
    }

    var parts: [SampleTally] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// The samples' random draws, written by one thread (sample by sample, in order) and read by others once
/// the block holding them is signalled filled: per sample `weightWidth` weights (``DirichletSampler``'s
/// order) and `drawWidth` numbers of ``DataDraws/draw(into:using:)``.
final class SampleBuffer: @unchecked Sendable {
    // @unchecked: each slot is written once, before the semaphore that lets readers at it is signalled.
    let weights: UnsafeMutablePointer<Double>
    let draws: UnsafeMutablePointer<Double>

    init(samples: Int, weightWidth: Int, drawWidth: Int) {
        weights = .allocate(capacity: max(samples * weightWidth, 1))
        draws = .allocate(capacity: max(samples * drawWidth, 1))
    }

    deinit {
        weights.deallocate()
        draws.deallocate()
    }
}
