extension MeasurePlan {
    /// The warning for a plan not proven optimal within the planner's time limit; `nil` when it is proven.
    var unprovenWarning: Diagnostic? {
        guard !isProvenOptimal else { return nil }
        let gap = max(0, upperBound - totalValue)
        if gap <= 1e-12 * max(1, abs(totalValue)) {
            return .warning(
                "the measure plan has the best possible value, but among \(candidateCount) candidate measures the "
                    + "search limit was reached before the tie rules (lower total cost, then ids) were settled; "
                    + "another plan of the same value may cost less")
        }
        return .warning(
            "the measure plan is the best found within the search limit, not proven optimal: among \(candidateCount) "
                + "candidate measures a better plan could be worth at most \(NumberText.compact(gap, decimals: 6)) "
                + "more (\(NumberText.compact(totalValue, decimals: 6)) of at most "
                + "\(NumberText.compact(upperBound, decimals: 6))); fewer candidates make the proof fast")
    }
}

extension RuleSet {
    /// A warning when the catalogue's measure plan may not be proven optimal within the planner's search limit:
    /// the plan is tried in the hardest selection the rules allow, the `select.top` areas that the most measures
    /// address (every area without `top`), each at score 1, and, per resource, the latest amounts of each scope
    /// in `dataset` (or, without data, half of what those measures would use).
    /// - Parameters:
    ///   - dataset: the data whose resources are tried, if any.
    ///   - nodeLimit: how many search nodes the proof may take (by default as many as an evaluation allows).
    package func planAdvice(for dataset: Dataset? = nil, nodeLimit: Int? = nil) -> [Diagnostic] {
        guard !measures.isEmpty else { return [] }
        var addressing: [String: Int] = [:]
        for measure in measures { for area in Set(measure.addresses) { addressing[area, default: 0] += 1 } }
        let busiest = areas.map(\.id).sorted { (addressing[$0] ?? 0, $1) > (addressing[$1] ?? 0, $0) }
        let selected = busiest.prefix(selection.top ?? busiest.count)
        let scores = Dictionary(selected.map { ($0, 1.0) }, uniquingKeysWith: { first, _ in first })
        var budgets: [[NameKey: Double]] = []
        if let dataset {
            for periods in dataset.resources.values {
                if let latest = periods.keys.max(), let amounts = periods[latest] { budgets.append(amounts) }
            }
        }
        if budgets.isEmpty {
            var demand: [NameKey: Double] = [:]
            for measure in measures where measure.addresses.contains(where: { scores[$0] != nil }) {
                for cost in measure.cost { demand[NameKey(cost.resource), default: 0] += cost.amount }
            }
            budgets = [demand.mapValues { $0 / 2 }]
        }
        for available in budgets {
            var planner = MeasurePlanner(
                measures: measures, selectedScores: scores, available: available, displayName: { $0.folded })
            planner.nodeLimit = nodeLimit ?? MeasurePlanner.defaultNodeLimit
            let plan = planner.solve()
            if !plan.isProvenOptimal {
                return [
                    .warning(
                        "the catalogue of \(measures.count) measures over \(plan.resources.count) resources is beyond "
                            + "what Fokus proves optimal in an evaluation when \(selected.count) areas with "
                            + "\(plan.candidateCount) measures between them are selected: the measure plan may be the best "
                            + "found, not the best possible (an evaluation says so and gives the gap); fewer candidate "
                            + "measures make the proof fast")
                ]
            }
        }
        return []
    }
}
