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

    /// How many numbers one sample's draw holds (``draw(into:using:)``): the counts, then the shares.
    var width: Int { (drawsCounts ? cells.count : 0) + (drawsShares ? shareCells.count : 0) }

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
                    f.signals[s].map { shareSpan(for: $0.items, source: NameKey(signal.source)) }
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
    }

    /// Draws one sample's counts and shares from `generator`, in the order documented above, into
    /// `row` (``width`` numbers: the drawn counts per compared period and category, then the shares per
    /// share cell, each part only when drawn).
    func draw(into row: UnsafeMutablePointer<Double>, using generator: inout SeededGenerator) {
        var next = row
        if drawsCounts {
            countSamplers.withUnsafeBufferPointer { samplers in
                for sampler in samplers {
                    next.pointee = sampler.next(using: &generator)
                    next += 1
                }
            }
        }
        if drawsShares {
            for (cell, samplers) in zip(shareCells, shareSamplers) {
                defer { next += 1 }
                guard let samplers else {
                    next.pointee = cell.share
                    continue
                }
                let x = samplers.x.next(using: &generator)
                let y = samplers.y.next(using: &generator)
                next.pointee = x + y > 0 ? x / (x + y) : cell.share
            }
        }
    }

    /// Sets `factors` (the observed factors, or those of an earlier sample) to the factors recomputed
    /// from a sample's draw `row` (no random numbers: samples can be applied in any order, on any
    /// thread, with the same result). What is not varied is left as it is. The factors are reached
    /// through optional chaining, never copied out: a copy of a factor costs more than its arithmetic.
    func apply(_ row: UnsafePointer<Double>, to factors: inout [AreaFactors]) {
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
        let shares = row + (drawsCounts ? cells.count : 0)
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
