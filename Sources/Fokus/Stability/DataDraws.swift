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
    /// Observed counts per compared period (baseline periods oldest first, T last) and category index.
    private var cells: [[Double]] = []
    /// Per area: the indices of its categories, when it has a trend.
    private var areaCategories: [[Int]?] = []
    /// Share cells, in draw order: the observed share and respondents.
    private var shareCells: [(share: Double, respondents: Int?)] = []
    /// Per area: the cell indices of its concern items, then per signal its items; `nil` when missing.
    private var areaShares: [(concern: [Int]?, signals: [[Int]?])] = []
    private let aggregate: ConcernAggregate

    /// Whether a sample would redraw anything.
    var isEmpty: Bool { (!varyCounts || cells.isEmpty) && (!varyShares || shareCells.allSatisfy { $0.respondents == nil }) }

    init(factors: [AreaFactors], data: ScopeData, rules: RuleSet, vary: Set<SensitivitySource>) {
        varyCounts = vary.contains(.counts)
        varyShares = vary.contains(.shares)
        scale = rules.trend.scale
        aggregate = rules.concernAggregate

        var categoryIndex: [NameKey: Int] = [:]
        var categoryOrder: [NameKey] = []
        for f in factors {
            guard f.trend != nil else {
                areaCategories.append(nil)
                continue
            }
            areaCategories.append(
                f.area.categoryKeys.map { key in
                    if let index = categoryIndex[key] { return index }
                    categoryIndex[key] = categoryOrder.count
                    categoryOrder.append(key)
                    return categoryOrder.count - 1
                })
        }
        if let periods = TrendFactor.periods(in: data, settings: rules.trend) {
            for p in periods.baseline + [periods.latest] {
                let row = data.comparableCounts[p] ?? [:]
                cells.append(categoryOrder.map { Double(row[$0] ?? 0) })
            }
        }

        var cellIndex: [[NameKey]: Int] = [:]  // [source, item]
        func shareIndices(for items: [ConcernFactor.ItemShare], source: NameKey) -> [Int] {
            let view = data.sources[source]
            return items.map { item in
                let key = NameKey(item.item)
                if let index = cellIndex[[source, key]] { return index }
                let respondents = view?.latest.flatMap { view?.respondents[$0]?[key] }
                cellIndex[[source, key]] = shareCells.count
                shareCells.append((item.share, respondents))
                return shareCells.count - 1
            }
        }
        var concernCells: [[Int]?] = []
        for f in factors {
            concernCells.append(f.concern.map { shareIndices(for: $0.items, source: SurveyTable.defaultSource) })
        }
        var signalCells = [[[Int]?]](repeating: [], count: factors.count)
        for (s, signal) in rules.signals.enumerated() {
            for (a, f) in factors.enumerated() {
                signalCells[a].append(f.signals[s].map { shareIndices(for: $0.items, source: NameKey(signal.source)) })
            }
        }
        areaShares = zip(concernCells, signalCells).map { ($0, $1) }
    }

    /// One sample's random numbers: the drawn counts (per compared period and category) and shares (per
    /// share cell), `nil` for what is not varied.
    struct Draw {
        var counts: [[Double]]?
        var shares: [Double]?
    }

    /// Draws one sample's counts and shares from `generator`, in the order documented above.
    func draw(using generator: inout some RandomNumberGenerator) -> Draw {
        var draw = Draw()
        if varyCounts, !cells.isEmpty {
            draw.counts = cells.map { row in row.map { GammaSampler(shape: $0 + 0.5).next(using: &generator) } }
        }
        if varyShares, shareCells.contains(where: { $0.respondents != nil }) {
            draw.shares = shareCells.map { cell -> Double in
                guard let n = cell.respondents, n > 0 else { return cell.share }
                let k = cell.share * Double(n)
                let x = GammaSampler(shape: k + 0.5).next(using: &generator)
                let y = GammaSampler(shape: Double(n) - k + 0.5).next(using: &generator)
                return x + y > 0 ? x / (x + y) : cell.share
            }
        }
        return draw
    }

    /// The factors with this sample's counts and shares; `observed` is returned as is for what is not varied.
    func next(_ observed: [AreaFactors], using generator: inout some RandomNumberGenerator) -> [AreaFactors] {
        apply(draw(using: &generator), to: observed)
    }

    /// The factors recomputed from a sample's draw (no random numbers: samples can be applied in any order,
    /// on any thread, with the same result).
    func apply(_ draw: Draw, to observed: [AreaFactors]) -> [AreaFactors] {
        var result = observed
        if let drawn = draw.counts {
            for (a, categories) in areaCategories.enumerated() {
                guard let categories, let trend = observed[a].trend else { continue }
                let totals = drawn.map { row in categories.reduce(0.0) { $0 + row[$1] } }
                result[a].trend = trend.redrawn(latest: totals.last!, baseline: Array(totals.dropLast()), scale: scale)
            }
        }
        if let shares = draw.shares {
            for (a, indices) in areaShares.enumerated() {
                if let concern = indices.concern, var factor = result[a].concern {
                    factor.raw = SharesOfItems.aggregate(concern.map { shares[$0] }, aggregate)
                    factor.n = min(max(factor.raw, 0), 1)
                    result[a].concern = factor
                }
                for (s, signal) in indices.signals.enumerated() {
                    guard let signal, var factor = result[a].signals[s] else { continue }
                    factor.raw = SharesOfItems.aggregate(signal.map { shares[$0] }, aggregate)
                    factor.n = min(max(factor.raw, 0), 1)
                    result[a].signals[s] = factor
                }
            }
        }
        return result
    }
}
