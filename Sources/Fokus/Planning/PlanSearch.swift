/// The exact search behind ``MeasurePlanner``: a 0-1 knapsack with several resources, solved to proven
/// optimality by branch and bound, with SPEC 4.1's tie rules.
///
/// Three searches, each pruned by bounds that are valid for every completion of a partial plan:
///
/// 1. **Best value** V\*. The resource constraints are relaxed with multipliers u ≥ 0 fitted once at the root by
///    subgradient descent (at the optimal u the Lagrangian bound equals the LP relaxation's). The bound of a
///    partial plan is the least of three valid bounds: the Lagrangian one,
///    `value + Σ_r u_r · left_r + Σ_{j free} max(0, v_j − Σ_r u_r c_jr)`; the LP bound of the surrogate constraint
///    `Σ_j s_j x_j ≤ Σ_r u_r · left_r` with `s_j = Σ_r u_r c_jr` (Dantzig's fractional knapsack, which measures are
///    tried in the order of, `v_j / s_j`); and `value + Σ_{j free} max(0, v_j)`. When every value is a whole
///    multiple of one unit (measures of equal value, say), the bound is rounded down to a multiple of it.
/// 2. **Lowest total cost** C\* among the plans whose value ties V\* (within 1e-12 relative): the value bound
///    prunes plans that cannot reach the tie, and a fractional covering bound (the cheapest value per unit of
///    cost among the free measures) prunes plans that cannot cost as little as the cheapest tying plan found.
///    The tying plans it meets are collected, up to ten thousand.
/// 3. **Smallest sorted id list** among the plans that tie both: read off the collection; when there were too
///    many to collect (measures of equal value, say), a depth-first search in id order that includes each
///    measure when some tying plan includes it and stops at the first tying plan; a plan whose remaining
///    measures are all left out is checked before any extension (a prefix sorts first).
///
/// The searches share a budget of search nodes (and, as a safety net, a deadline): past it the plan is the best
/// found and ``Outcome/proven`` is `false`, with the root bound as the most any plan could be worth. The node budget
/// makes the outcome the same on every machine.
struct PlanSearch {
    /// The values v_j.
    let values: [Double]
    /// Costs, row-major: `costs[j * resourceCount + r]`.
    let costs: [Double]
    /// The capacity of each resource, with SPEC 4.1's tolerance `1e-12 · max(1, available)` added.
    let capacities: [Double]
    /// The total cost of each measure (the tie rule's cost).
    let totalCosts: [Double]
    /// Measure indices sorted by id.
    let idOrder: [Int]
    /// How many search nodes the three searches may visit in all.
    let nodeLimit: Int
    /// When to give up proving, whatever the nodes.
    let deadline: ContinuousClock.Instant

    /// The plan found.
    struct Outcome {
        /// The chosen measures' indices.
        var chosen: [Int]
        /// Whether the plan is proven optimal (with the tie rules).
        var proven: Bool
        /// The most any plan is worth (the root bound); equals the plan's value within rounding when proven.
        var upperBound: Double
        /// Search nodes visited.
        var nodes: Int
    }

    private var resourceCount: Int { capacities.count }

    static func valueTolerance(_ v: Double) -> Double { 1e-12 * max(1, abs(v)) }

    /// Runs the three searches.
    func run() -> Outcome {
        let n = values.count
        let m = resourceCount
        // Measures that do not fit on their own can never be chosen.
        let usable = (0..<n).filter { j in (0..<m).allSatisfy { costs[j * m + $0] <= capacities[$0] } }
        if usable.isEmpty { return Outcome(chosen: [], proven: true, upperBound: 0, nodes: 0) }
        var state = State(search: self, usable: usable)
        return state.solve()
    }

    /// The mutable part of a search.
    private struct State {
        let search: PlanSearch
        let n: Int
        let m: Int
        let usable: [Int]
        /// Lagrangian multipliers per resource.
        var u: [Double]
        /// Reduced values v_j − Σ u_r c_jr.
        var reduced: [Double]
        /// Surrogate weights s_j = Σ u_r c_jr.
        var surrogate: [Double]
        /// The order of searches 1 and 2, and each measure's position in it.
        var order: [Int] = []
        var position: [Int]
        /// Suffix sums over `order` of max(0, reduced) and max(0, value).
        var suffixReduced: [Double] = []
        var suffixValue: [Double] = []
        /// The same over the id order of usable measures.
        var idOrder: [Int] = []
        var idPosition: [Int]
        var idSuffixReduced: [Double] = []
        var idSuffixValue: [Double] = []
        /// Measures with a positive value by cost per value, for the covering bound.
        var byCostPerValue: [Int] = []
        /// The unit every value is a whole multiple of, when there is one.
        var unit: Double?

        var used: [Double]
        var chosen: [Int] = []
        var nodes = 0
        var timedOut = false

        init(search: PlanSearch, usable: [Int]) {
            self.search = search
            n = search.values.count
            m = search.capacities.count
            self.usable = usable
            u = [Double](repeating: 0, count: m)
            reduced = search.values
            surrogate = [Double](repeating: 0, count: search.values.count)
            position = [Int](repeating: Int.max, count: n)
            idPosition = [Int](repeating: Int.max, count: n)
            used = [Double](repeating: 0, count: m)
        }

        // MARK: Setting up

        /// Fits the multipliers and orders the measures for the searches.
        mutating func prepare() {
            let greedyValue = greedy()
            fitMultipliers(lower: greedyValue)
            let values = search.values
            // By value per surrogate weight (weightless measures of positive value first), then reduced value.
            func efficiency(_ j: Int) -> Double {
                surrogate[j] > 0 ? values[j] / surrogate[j] : (values[j] > 0 ? .infinity : values[j])
            }
            let efficiencies = (0..<n).map(efficiency)
            order = usable.sorted { a, b in
                if efficiencies[a] != efficiencies[b] { return efficiencies[a] > efficiencies[b] }
                if reduced[a] != reduced[b] { return reduced[a] > reduced[b] }
                return a < b
            }
            for (i, j) in order.enumerated() { position[j] = i }
            (suffixReduced, suffixValue) = suffixes(order)
            let rank = Dictionary(uniqueKeysWithValues: search.idOrder.enumerated().map { ($1, $0) })
            idOrder = usable.sorted { (rank[$0] ?? Int.max) < (rank[$1] ?? Int.max) }
            for (i, j) in idOrder.enumerated() { idPosition[j] = i }
            (idSuffixReduced, idSuffixValue) = suffixes(idOrder)
            byCostPerValue = usable.filter { values[$0] > 0 }.sorted { a, b in
                let x = search.totalCosts[a] / values[a], y = search.totalCosts[b] / values[b]
                return x != y ? x < y : a < b
            }
            unit = Self.commonUnit(usable.map { values[$0] })
        }

        private func suffixes(_ order: [Int]) -> ([Double], [Double]) {
            var r = [Double](repeating: 0, count: order.count + 1)
            var v = [Double](repeating: 0, count: order.count + 1)
            for i in stride(from: order.count - 1, through: 0, by: -1) {
                r[i] = r[i + 1] + max(0, reduced[order[i]])
                v[i] = v[i + 1] + max(0, search.values[order[i]])
            }
            return (r, v)
        }

        /// The value of a greedy plan (by value per share of the resources), a start for the multipliers.
        private func greedy() -> Double {
            let values = search.values
            func weight(_ j: Int) -> Double {
                var w = 0.0
                for r in 0..<m where search.capacities[r] > 0 { w += search.costs[j * m + r] / search.capacities[r] }
                return w
            }
            let ranked = usable.filter { values[$0] > 0 }.sorted { a, b in
                let x = values[a] / max(weight(a), 1e-300), y = values[b] / max(weight(b), 1e-300)
                return x != y ? x > y : a < b
            }
            var left = search.capacities
            var total = 0.0
            for j in ranked where (0..<m).allSatisfy({ search.costs[j * m + $0] <= left[$0] }) {
                for r in 0..<m { left[r] -= search.costs[j * m + r] }
                total += values[j]
            }
            return total
        }

        /// Fits u ≥ 0 minimising the Lagrangian bound Σ u_r C_r + Σ_j max(0, v_j − Σ u_r c_jr) by projected
        /// subgradient steps (Held and Karp's step size), in units of each resource's capacity. Any u ≥ 0 gives
        /// a valid bound; a better u only prunes more.
        private mutating func fitMultipliers(lower: Double) {
            let values = search.values
            let active = (0..<m).filter { r in
                search.capacities[r] > 0 && usable.contains { search.costs[$0 * m + r] > 0 }
            }
            guard !active.isEmpty else { return }
            var scaled = [Double](repeating: 0, count: m)  // u_r · C_r
            var best = (bound: Double.infinity, scaled: scaled)
            var lambda = 2.0
            var stale = 0
            for _ in 0..<400 {
                var bound = 0.0
                var gradient = [Double](repeating: 0, count: m)
                for r in active { bound += scaled[r]; gradient[r] = 1 }
                for j in usable {
                    var r_j = values[j]
                    for r in active { r_j -= scaled[r] * search.costs[j * m + r] / search.capacities[r] }
                    if r_j > 0 {
                        bound += r_j
                        for r in active { gradient[r] -= search.costs[j * m + r] / search.capacities[r] }
                    }
                }
                if bound < best.bound - 1e-15 * max(1, abs(bound)) {
                    best = (bound, scaled)
                    stale = 0
                } else {
                    stale += 1
                    if stale >= 12 {
                        lambda /= 2
                        stale = 0
                    }
                }
                var norm = 0.0
                for r in active where scaled[r] > 0 || gradient[r] < 0 { norm += gradient[r] * gradient[r] }
                let gap = bound - lower
                if norm == 0 || gap <= 1e-12 * max(1, abs(bound)) || lambda < 1e-5 { break }
                let step = lambda * gap / norm
                for r in active { scaled[r] = max(0, scaled[r] - step * gradient[r]) }
            }
            for r in active { u[r] = best.scaled[r] / search.capacities[r] }
            for j in 0..<n {
                var s_j = 0.0
                for r in active { s_j += u[r] * search.costs[j * m + r] }
                surrogate[j] = s_j
                reduced[j] = values[j] - s_j
            }
        }

        /// The unit every value is a whole multiple of (within 1e-12), when the multiples are at most 10 000.
        static func commonUnit(_ values: [Double]) -> Double? {
            let magnitudes = values.map(abs).filter { $0 > 0 }
            guard let unit = magnitudes.min() else { return nil }
            for v in magnitudes {
                let q = v / unit
                guard q <= 10_000, abs(q - q.rounded()) <= 1e-12 * q else { return nil }
            }
            return unit
        }

        // MARK: Bounds

        /// The most any completion can be worth, the free measures being `suffix(i)` of an order; in the
        /// search order (`surrogateFrom`), also the surrogate LP bound over `order[i...]`.
        @inline(__always)
        func bound(value: Double, suffixReduced r: Double, suffixValue v: Double, surrogateFrom i: Int? = nil) -> Double {
            var left = 0.0
            for k in 0..<m where u[k] > 0 { left += u[k] * max(0, search.capacities[k] - used[k]) }
            var b = min(value + r + left, value + v)
            if let i {
                // Dantzig's bound of the surrogate knapsack: free measures by v_j / s_j, the last one fractional.
                var total = value
                var room = left
                var k = i
                while k < order.count {
                    let j = order[k]
                    let v_j = search.values[j]
                    if v_j <= 0 { break }
                    let s_j = surrogate[j]
                    if s_j <= room {
                        total += v_j
                        room -= s_j
                    } else {
                        total += v_j * room / s_j
                        break
                    }
                    k += 1
                }
                b = min(b, total)
            }
            guard let unit else { return b }
            // Whole multiples of the unit: no plan is worth a fraction of one more.
            let multiples = b / unit
            return (multiples + 1e-7 * max(1, multiples)).rounded(.down) * unit
        }

        /// The least cost of adding `need` value from the free measures (those with `isFree`), fractionally;
        /// infinite when they cannot add that much.
        @inline(__always)
        func coverCost(need: Double, isFree: (Int) -> Bool) -> Double {
            guard need > 0 else { return 0 }
            var left = need
            var cost = 0.0
            for j in byCostPerValue where isFree(j) {
                let v = search.values[j]
                if v >= left { return cost + search.totalCosts[j] * left / v }
                cost += search.totalCosts[j]
                left -= v
            }
            return .infinity
        }

        @inline(__always)
        func fits(_ j: Int) -> Bool {
            for r in 0..<m where used[r] + search.costs[j * m + r] > search.capacities[r] { return false }
            return true
        }

        mutating func take(_ j: Int) {
            for r in 0..<m { used[r] += search.costs[j * m + r] }
            chosen.append(j)
        }

        mutating func drop(_ j: Int) {
            for r in 0..<m { used[r] -= search.costs[j * m + r] }
            chosen.removeLast()
        }

        /// Counts a node; `false` once the deadline has passed.
        mutating func visit() -> Bool {
            nodes += 1
            if nodes > search.nodeLimit || (nodes & 0xFFF == 1 && ContinuousClock.now > search.deadline) {
                timedOut = true
            }
            return !timedOut
        }

        // MARK: Searches

        mutating func solve() -> Outcome {
            prepare()
            let rootBound = bound(value: 0, suffixReduced: suffixReduced[0], suffixValue: suffixValue[0], surrogateFrom: 0)

            // 1. The best value.
            var best = (value: -Double.infinity, cost: 0.0, set: [Int]())
            maximise(0, value: 0, cost: 0, best: &best)
            if timedOut { return outcome(best.set, proven: false, bound: rootBound) }
            let target = best.value - PlanSearch.valueTolerance(best.value)

            // 2. The lowest cost among the plans tying it, collecting those plans while they are few. From here on
            //    the value is proven; only the ties are not.
            var ties = Ties(leastCost: best.cost)
            collectTies(0, value: 0, cost: 0, target: target, ties: &ties)
            if timedOut { return outcome(best.set, proven: false, bound: best.value) }
            let costLimit = ties.leastCost + PlanSearch.valueTolerance(ties.leastCost)
            let bound = max(rootBound, best.value)
            if !ties.overflowed {
                // 3. The smallest sorted id list among the plans tying both, read off the collection.
                let idRank = self.idPosition
                let tying = ties.plans.filter { $0.cost <= costLimit }.map { plan in plan.set.map { idRank[$0] }.sorted() }
                if let smallest = tying.min(by: { $0.lexicographicallyPrecedes($1) }) {
                    return outcome(smallest.map { idOrder[$0] }, proven: true, bound: bound)
                }
            }

            // 3. Too many tying plans to collect: the smallest sorted id list by a search in id order.
            var found: [Int]?
            _ = smallestIDs(0, value: 0, cost: 0, target: target, costLimit: costLimit, found: &found)
            if timedOut { return outcome(best.set, proven: false, bound: best.value) }
            return outcome(found ?? best.set, proven: true, bound: bound)
        }

        private func outcome(_ set: [Int], proven: Bool, bound: Double) -> Outcome {
            Outcome(chosen: set, proven: proven, upperBound: bound, nodes: nodes)
        }

        private mutating func maximise(_ i: Int, value: Double, cost: Double, best: inout (value: Double, cost: Double, set: [Int])) {
            guard visit() else { return }
            if value > best.value + PlanSearch.valueTolerance(best.value) || best.value == -.infinity {
                best = (value, cost, chosen)
            }
            guard i < order.count else { return }
            let b = bound(value: value, suffixReduced: suffixReduced[i], suffixValue: suffixValue[i], surrogateFrom: i)
            if b <= best.value + PlanSearch.valueTolerance(best.value) { return }
            let j = order[i]
            if fits(j) {
                take(j)
                maximise(i + 1, value: value + search.values[j], cost: cost + search.totalCosts[j], best: &best)
                drop(j)
            }
            maximise(i + 1, value: value, cost: cost, best: &best)
        }

        /// The plans found that tie the best value, and the least cost among them.
        struct Ties {
            /// The most plans collected; past it only ``leastCost`` is kept.
            static let capacity = 10_000
            var leastCost: Double
            var plans: [(cost: Double, set: [Int])] = []
            var overflowed = false
        }

        /// Visits every plan that ties the best value (`value ≥ target`) and could cost as little as the cheapest
        /// one found so far, collecting them (until there are too many) and the least cost among them.
        private mutating func collectTies(_ i: Int, value: Double, cost: Double, target: Double, ties: inout Ties) {
            guard visit() else { return }
            if value >= target {
                ties.leastCost = min(ties.leastCost, cost)
                if !ties.overflowed, cost <= ties.leastCost + PlanSearch.valueTolerance(ties.leastCost) {
                    ties.plans.append((cost, chosen))
                    if ties.plans.count > Ties.capacity {
                        ties.overflowed = true
                        ties.plans = []
                    }
                }
            }
            guard i < order.count else { return }
            let b = bound(value: value, suffixReduced: suffixReduced[i], suffixValue: suffixValue[i], surrogateFrom: i)
            if b < target { return }
            let position = self.position
            let least = cost + coverCost(need: target - value) { position[$0] >= i }
            if least > ties.leastCost + PlanSearch.valueTolerance(ties.leastCost) { return }
            let j = order[i]
            if fits(j) {
                take(j)
                collectTies(i + 1, value: value + search.values[j], cost: cost + search.totalCosts[j], target: target, ties: &ties)
                drop(j)
            }
            collectTies(i + 1, value: value, cost: cost, target: target, ties: &ties)
        }

        private mutating func smallestIDs(
            _ k: Int, value: Double, cost: Double, target: Double, costLimit: Double, found: inout [Int]?
        ) -> Bool {
            guard visit() else { return false }
            if value >= target, cost <= costLimit {
                found = chosen
                return true
            }
            guard k < idOrder.count else { return false }
            let b = bound(value: value, suffixReduced: idSuffixReduced[k], suffixValue: idSuffixValue[k])
            if b < target { return false }
            let idPosition = self.idPosition
            if cost + coverCost(need: target - value, isFree: { idPosition[$0] >= k }) > costLimit { return false }
            let j = idOrder[k]
            if fits(j) {
                take(j)
                if smallestIDs(
                    k + 1, value: value + search.values[j], cost: cost + search.totalCosts[j], target: target,
                    costLimit: costLimit, found: &found)
                {
                    return true
                }
                drop(j)
            }
            return smallestIDs(k + 1, value: value, cost: cost, target: target, costLimit: costLimit, found: &found)
        }
    }
}
