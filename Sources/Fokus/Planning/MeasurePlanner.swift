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
                let key = cost.resourceKey
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

    /// How many search nodes the proof may take before the planner settles for the best plan found: about a
    /// second in a release build. A budget of nodes, not of time, so that a plan is the same on every machine.
    var nodeLimit = MeasurePlanner.defaultNodeLimit
    /// The default ``nodeLimit``.
    static let defaultNodeLimit = 3_000_000
    /// A safety net on time, whatever the nodes.
    var timeLimit: Duration = .seconds(10)

    /// The optimal plan (see ``PlanSearch`` for how it is found and proven).
    func solve() -> MeasurePlan {
        let m = available.count
        var costs = [Double](repeating: 0, count: candidates.count * m)
        for (j, c) in candidates.enumerated() {
            for cost in c.costs { costs[j * m + cost.resource] += cost.amount }
        }
        let search = PlanSearch(
            values: candidates.map(\.value), costs: costs,
            capacities: available.map { $0 + 1e-12 * max(1, $0) },
            totalCosts: candidates.map(\.totalCost),
            idOrder: candidates.indices.sorted { candidates[$0].measure.id.precedesByCodePoint(candidates[$1].measure.id) },
            nodeLimit: nodeLimit, deadline: ContinuousClock.now + timeLimit)
        let outcome = search.run()
        let best = Solution(chosen: outcome.chosen, in: candidates)

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
            notChosen: candidates.indices.filter { !chosenSet.contains($0) }.map(planned).sorted(by: byID),
            isProvenOptimal: outcome.proven,
            upperBound: outcome.proven ? best.value : outcome.upperBound)
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
