/// The data's uncertainty in rank stability (SPEC 4.2): each sample redraws the count cells that enter a
/// trend and the shares that come with `respondents`, then recomputes the affected factors.
///
/// One sample, after the weight draw, uses the generator in this order:
/// 1. **counts** (when varied): for each compared period, oldest baseline period first and T last, and
///    within it each category in order of first appearance over the areas (in rule order, each area's
///    categories as listed), draw `Gamma(c + ½, 1)` with ``GammaSampler``, c being the observed count (0
///    for a category without a row): the Jeffreys posterior of a Poisson rate;
/// 2. **shares** (when varied): for citizen concern's rows, then each signal's in declaration order, each
///    item (in order of first appearance over the areas) whose row gives `respondents` n > 0 draws
///    `Beta(k + ½, n − k + ½)`, k = share·n, as `X / (X + Y)` with `X ~ Gamma(k + ½, 1)` drawn before
///    `Y ~ Gamma(n − k + ½, 1)`. Shares without respondents stay fixed.
///
/// Each area's trend is then recomputed from the drawn counts of its categories, and its concern and
/// signals from the drawn shares. Evidence stays as decided on the observed data.
///
/// A sample's draw is kept in two steps: ``draw(into:using:)`` consumes the uniforms, in the order above,
/// and keeps of each boosted Gamma draw (shape below 1) its two parts; ``apply(_:to:)`` raises the boost's
/// `U` to `1/a` and forms the Betas. The arithmetic is the same, so are the figures; the powers, which
/// decide nothing about the uniforms, are so taken off the one thread that must draw in order.
struct DataDraws {
    private let varyCounts: Bool
    private let varyShares: Bool
    private let scale: Double
    /// Observed counts, per compared period (baseline periods oldest first, T last) then category index.
    private var cells: [Double] = []
    /// Per count cell its `Gamma(c + ½, 1)` sampler, set up once.
    private let countSamplers: [GammaSampler]
    private var periodCount = 0
    private var categoryCount = 0
    /// Per area: the span of `categoryList` holding its categories' indices; `nil` when it has no trend.
    private var areaCategories: [Range<Int>?] = []
    private var categoryList: [Int] = []
    /// Share cells, in draw order: the observed share and respondents.
    private var shareCells: [(share: Double, respondents: Int?)] = []
    /// Per share cell, its Beta's two Gamma samplers (`X`, then `Y`), set up once; `nil` when its share stays fixed.
    private let shareSamplers: [(x: GammaSampler, y: GammaSampler)?]
    /// How many Gamma draws a sample makes (the counts, then each varied share's `X` and `Y`).
    private var gammaCount = 0
    /// The samplers of the boosted draws, in draw order, with the draw's place among the ``gammaCount``.
    private var boosted: [(place: Int, sampler: GammaSampler)] = []
    /// Per area its concern items' span of `shareList`, then per area and signal (area-major) its items'
    /// span; `nil` when missing.
    private var shareSpans: [Range<Int>?] = []
    private var shareList: [Int] = []
    private let signalCount: Int
    private let areaCount: Int
    private let aggregate: ConcernAggregate
    /// Whether a sample draws counts, and shares.
    private let drawsCounts: Bool
    private let drawsShares: Bool

    /// Whether a sample would redraw anything.
    var isEmpty: Bool { !drawsCounts && !drawsShares }

    /// How many numbers one sample's draw holds (``draw(into:using:)``): a number per Gamma draw, then
    /// the boosted draws' uniforms.
    var width: Int { gammaCount + boosted.count }

    /// Whether a sample changes area `a`'s factors.
    func varies(area a: Int) -> Bool {
        if drawsCounts, areaCategories[a] != nil { return true }
        guard drawsShares else { return false }
        if shareSpans[a] != nil { return true }
        return (0..<signalCount).contains { shareSpans[areaCount + a * signalCount + $0] != nil }
    }

    init(factors: [AreaFactors], data: ScopeData, rules: RuleSet, vary: Set<SensitivitySource>) {
        varyCounts = vary.contains(.counts)
        varyShares = vary.contains(.shares)
        scale = rules.trend.scale
        aggregate = rules.concernAggregate
        signalCount = rules.signals.count
        areaCount = factors.count

        var categoryIndex: [NameKey: Int] = [:]
        var categoryOrder: [NameKey] = []
        for f in factors {
            guard f.trend != nil else {
                areaCategories.append(nil)
                continue
            }
            let start = categoryList.count
            for key in f.area.categoryKeys {
                if let index = categoryIndex[key] {
                    categoryList.append(index)
                } else {
                    categoryIndex[key] = categoryOrder.count
                    categoryOrder.append(key)
                    categoryList.append(categoryOrder.count - 1)
                }
            }
            areaCategories.append(start..<categoryList.count)
        }
        categoryCount = categoryOrder.count
        if let periods = TrendFactor.periods(in: data, settings: rules.trend) {
            for p in periods.baseline + [periods.latest] {
                let row = data.comparableCounts[p] ?? [:]
                cells += categoryOrder.map { Double(row[$0] ?? 0) }
                periodCount += 1
            }
        }

        var cellIndex: [[NameKey]: Int] = [:]  // [source, item]
        var shareList: [Int] = []
        var shareCells: [(share: Double, respondents: Int?)] = []
        func shareSpan(for items: [ConcernFactor.ItemShare], source: NameKey) -> Range<Int> {
            let view = data.sources[source]
            let start = shareList.count
            for item in items {
                let key = NameKey(item.item)
                if let index = cellIndex[[source, key]] {
                    shareList.append(index)
                    continue
                }
                let respondents = view?.latest.flatMap { view?.respondents[$0]?[key] }
                cellIndex[[source, key]] = shareCells.count
                shareCells.append((item.share, respondents))
                shareList.append(shareCells.count - 1)
            }
            return start..<shareList.count
        }
        var spans: [Range<Int>?] = []
        for f in factors {
            spans.append(f.concern.map { shareSpan(for: $0.items, source: SurveyTable.defaultSource) })
        }
        var signalSpans = [Range<Int>?](repeating: nil, count: factors.count * rules.signals.count)
        for (s, signal) in rules.signals.enumerated() {
            for (a, f) in factors.enumerated() {
                signalSpans[a * rules.signals.count + s] =
                    f.signals[s].map { shareSpan(for: $0.items, source: signal.sourceKey) }
            }
        }
        shareSpans = spans + signalSpans
        self.shareList = shareList
        self.shareCells = shareCells
        countSamplers = cells.map { GammaSampler(shape: $0 + 0.5) }
        shareSamplers = shareCells.map { cell in
            guard let n = cell.respondents, n > 0 else { return nil }
            let k = cell.share * Double(n)
            return (GammaSampler(shape: k + 0.5), GammaSampler(shape: Double(n) - k + 0.5))
        }
        drawsCounts = varyCounts && !cells.isEmpty
        drawsShares = varyShares && shareCells.contains { $0.respondents != nil }
        var samplers: [GammaSampler] = drawsCounts ? countSamplers : []
        if drawsShares { for case let (x, y)? in shareSamplers { samplers += [x, y] } }
        gammaCount = samplers.count
        boosted = samplers.indices.filter { samplers[$0].isBoosted }.map { ($0, samplers[$0]) }
    }

    /// Draws one sample's counts and shares from `generator`, in the order documented above, into
    /// `row` (``width`` numbers: per Gamma draw, in draw order, the draw or, when boosted, its Gamma(a + 1)
    /// part; then the boosted draws' uniforms in the same order). ``apply(_:to:)`` finishes them.
    func draw(into row: UnsafeMutablePointer<Double>, using generator: inout SeededGenerator) {
        var next = row
        var uniform = row + gammaCount
        func take(_ sampler: GammaSampler) {
            let parts = sampler.nextParts(using: &generator)
            next.pointee = parts.draw
            next += 1
            if sampler.isBoosted {
                uniform.pointee = parts.uniform
                uniform += 1
            }
        }
        if drawsCounts {
            countSamplers.withUnsafeBufferPointer { samplers in
                for sampler in samplers { take(sampler) }
            }
        }
        if drawsShares {
            shareSamplers.withUnsafeBufferPointer { samplers in
                for case let (x, y)? in samplers {
                    take(x)
                    take(y)
                }
            }
        }
    }

    /// The Gamma draws of a sample's `row`, finished (the boosts' powers taken) into `values`.
    private func finish(_ row: UnsafePointer<Double>, into values: UnsafeMutablePointer<Double>) {
        values.update(from: row, count: gammaCount)
        let uniforms = row + gammaCount
        boosted.withUnsafeBufferPointer { boosted in
            for (b, draw) in boosted.enumerated() { values[draw.place] = draw.sampler.boost(row[draw.place], uniforms[b]) }
        }
    }

    /// Sets `factors` (the observed factors, or those of an earlier sample) to the factors recomputed
    /// from a sample's draw `row` (no random numbers: samples can be applied in any order, on any
    /// thread, with the same result). What is not varied is left as it is. The factors are reached
    /// through optional chaining, never copied out: a copy of a factor costs more than its arithmetic.
    func apply(_ draw: UnsafePointer<Double>, to factors: inout [AreaFactors]) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(gammaCount, 1)) { values in
            finish(draw, into: values.baseAddress!)
            apply(finished: UnsafePointer(values.baseAddress!), to: &factors)
        }
    }

    /// ``apply(_:to:)`` from the finished Gamma draws.
    private func apply(finished row: UnsafePointer<Double>, to factors: inout [AreaFactors]) {
        categoryList.withUnsafeBufferPointer { categoryList in
            guard drawsCounts else { return }
            let latestRow = row + (periodCount - 1) * categoryCount
            for a in areaCategories.indices {
                guard let span = areaCategories[a] else { continue }
                let categories = UnsafeBufferPointer(rebasing: categoryList[span])
                var baselineTotal = 0.0
                for p in 0..<(periodCount - 1) {
                    let counts = row + p * categoryCount
                    var total = 0.0
                    for c in categories { total += counts[c] }
                    baselineTotal += total
                }
                var latest = 0.0
                for c in categories { latest += latestRow[c] }
                factors[a].trend?.redraw(
                    latest: latest, baselineTotal: baselineTotal, periods: periodCount - 1, scale: scale)
            }
        }
        guard drawsShares else { return }
        // Each share cell's share: `X / (X + Y)` of its two draws, or the observed share.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: shareCells.count) { drawnShares in
            var next = row + (drawsCounts ? cells.count : 0)
            for (i, (cell, samplers)) in zip(shareCells, shareSamplers).enumerated() {
                guard samplers != nil else {
                    drawnShares[i] = cell.share
                    continue
                }
                let x = next[0]
                let y = next[1]
                next += 2
                drawnShares[i] = x + y > 0 ? x / (x + y) : cell.share
            }
            applyShares(UnsafePointer(drawnShares.baseAddress!), to: &factors)
        }
    }

    /// Sets the concern and signals from each share cell's drawn share.
    private func applyShares(_ shares: UnsafePointer<Double>, to factors: inout [AreaFactors]) {
        shareList.withUnsafeBufferPointer { shareList in
            for a in factors.indices {
                if let span = shareSpans[a] {
                    let raw = SharesOfItems.aggregate(UnsafeBufferPointer(rebasing: shareList[span]), of: shares, aggregate)
                    factors[a].concern?.raw = raw
                    factors[a].concern?.n = min(max(raw, 0), 1)
                }
                for s in 0..<signalCount {
                    guard let span = shareSpans[areaCount + a * signalCount + s] else { continue }
                    let raw = SharesOfItems.aggregate(UnsafeBufferPointer(rebasing: shareList[span]), of: shares, aggregate)
                    factors[a].signals[s]?.raw = raw
                    factors[a].signals[s]?.n = min(max(raw, 0), 1)
                }
            }
        }
    }
}
