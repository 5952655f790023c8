/// Finds the optimal measure plan by branch and bound: the subset of candidate measures with the
/// largest total value that fits every resource, ties broken by lower total cost, then by the
/// lexicographically smaller sorted list of ids (SPEC 4 and 4.1 "Plan").
struct MeasurePlanner: Sendable {
    /// A candidate with its value and costs keyed by resource.
    struct Candidate: Sendable {
        let measure: Measure
        let value: Double
        let selectedAreas: [String]
        /// Costs per resource index (summed when a measure names a resource twice).
        let costs: [(resource: Int, amount: Double)]
        let totalCost: Double
    }

    let candidates: [Candidate]
    let resourceNames: [String]
    let available: [Double]

    /// Prepares the problem.
    /// - Parameters:
    ///   - measures: the catalogue, in file order.
    ///   - selectedScores: the final score of each selected area, by id.
    ///   - available: available amount per resource in the scope's resources period.
    ///   - displayName: a display name for a resource key.
    init(
        measures: [Measure], selectedScores: [String: Double], available: [NameKey: Double],
        displayName: (NameKey) -> String
    ) {
        var keys: [NameKey] = available.keys.sorted()
        var names = keys.map(displayName)
        var index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var candidates: [Candidate] = []
        for measure in measures {
            let selected = measure.addresses.uniqued().filter { selectedScores[$0] != nil }
            guard !selected.isEmpty else { continue }
            var value = 0.0
            for area in selected { value += selectedScores[area]! * measure.effect * measure.evidence.weight }
            var costs: [Int: Double] = [:]
            for cost in measure.cost {
                let key = NameKey(cost.resource)
                if index[key] == nil {
                    index[key] = keys.count
                    keys.append(key)
                    names.append(cost.resource)
                }
                costs[index[key]!, default: 0] += cost.amount
            }
            candidates.append(
                Candidate(
                    measure: measure, value: value, selectedAreas: selected,
                    costs: costs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, totalCost: measure.totalCost))
        }
        self.candidates = candidates
        self.resourceNames = names
        self.available = keys.map { available[$0] ?? 0 }
    }

    /// The optimal plan.
    func solve() -> MeasurePlan {
        let order = candidates.indices.sorted {
            let a = candidates[$0], b = candidates[$1]
            if a.value != b.value { return a.value > b.value }
            return a.measure.id.precedesByCodePoint(b.measure.id)
        }
        // suffixBound[i]: the most the candidates order[i...] can still add.
        var suffixBound = [Double](repeating: 0, count: order.count + 1)
        for i in stride(from: order.count - 1, through: 0, by: -1) {
            suffixBound[i] = suffixBound[i + 1] + max(0, candidates[order[i]].value)
        }
        var best = Solution(chosen: [], value: 0, totalCost: 0, ids: [])
        var used = [Double](repeating: 0, count: available.count)
        var chosen: [Int] = []

        func fits(_ c: Candidate) -> Bool {
            c.costs.allSatisfy { cost in
                let cap = available[cost.resource]
                return used[cost.resource] + cost.amount <= cap + 1e-12 * max(1, cap)
            }
        }
        func search(_ i: Int, _ value: Double) {
            let bound = value + suffixBound[i]
            // No completion can beat or tie the best: prune (with slack for rounding in the sums).
            if bound < best.value - 1e-12 * max(1, abs(best.value), abs(bound)) - 1e-9 * max(1, abs(best.value)) {
                return
            }
            guard i < order.count else {
                let candidate = Solution(chosen: chosen, in: candidates)
                if candidate.isBetter(than: best) { best = candidate }
                return
            }
            let c = candidates[order[i]]
            if fits(c) {
                for cost in c.costs { used[cost.resource] += cost.amount }
                chosen.append(order[i])
                search(i + 1, value + c.value)
                chosen.removeLast()
                for cost in c.costs { used[cost.resource] -= cost.amount }
            }
            search(i + 1, value)
        }
        search(0, 0)

        var totalUse = [Double](repeating: 0, count: available.count)
        for i in best.chosen { for cost in candidates[i].costs { totalUse[cost.resource] += cost.amount } }
        let planned = { (i: Int) -> PlannedMeasure in
            let c = candidates[i]
            return PlannedMeasure(
                id: c.measure.id, name: c.measure.name, value: c.value, selectedAreas: c.selectedAreas, cost: c.measure.cost)
        }
        let chosenSet = Set(best.chosen)
        let byID = { (a: PlannedMeasure, b: PlannedMeasure) in a.id.precedesByCodePoint(b.id) }
        return MeasurePlan(
            measures: best.chosen.map(planned).sorted(by: byID),
            totalValue: best.value,
            resources: resourceNames.indices.map {
                ResourceUse(resource: resourceNames[$0], available: available[$0], used: totalUse[$0])
            }.sorted { $0.resource.precedesByCodePoint($1.resource) },
            candidateCount: candidates.count,
            notChosen: candidates.indices.filter { !chosenSet.contains($0) }.map(planned).sorted(by: byID))
    }

    /// A feasible subset with the figures its ties are broken on.
    struct Solution {
        var chosen: [Int]
        var value: Double
        var totalCost: Double
        var ids: [String]

        init(chosen: [Int], value: Double, totalCost: Double, ids: [String]) {
            self.chosen = chosen
            self.value = value
            self.totalCost = totalCost
            self.ids = ids
        }

        /// Sums value and cost in sorted-id order, so that equal sets give equal figures.
        init(chosen: [Int], in candidates: [Candidate]) {
            let sorted = chosen.sorted { candidates[$0].measure.id.precedesByCodePoint(candidates[$1].measure.id) }
            self.chosen = sorted
            value = sorted.reduce(0) { $0 + candidates[$1].value }
            totalCost = sorted.reduce(0) { $0 + candidates[$1].totalCost }
            ids = sorted.map { candidates[$0].measure.id }
        }

        func isBetter(than other: Solution) -> Bool {
            let tolerance = 1e-12 * max(1, abs(value), abs(other.value))
            if abs(value - other.value) > tolerance { return value > other.value }
            // Costs are sums of decimal amounts: 0.1 + 0.2 + 0.3 and 0.2 + 0.3 + 0.1 must tie, whatever the
            // order of addition, so totals within rounding are equal and the ids decide.
            let costTolerance = 1e-12 * max(1, abs(totalCost), abs(other.totalCost))
            if abs(totalCost - other.totalCost) > costTolerance { return totalCost < other.totalCost }
            return ids.lexicographicallyPrecedes(other.ids) { $0.precedesByCodePoint($1) }
        }
    }
}
