extension MeasurePlan {
    /// The warning for a plan not proven optimal within the planner's time limit; `nil` when it is proven.
    var unprovenWarning: Diagnostic? {
        guard !isProvenOptimal else { return nil }
        let gap = max(0, upperBound - totalValue)
        return .warning(
            "the measure plan is the best found within the search limit, not proven optimal: among \(candidateCount) "
                + "candidate measures a better plan could be worth at most \(NumberText.compact(gap, decimals: 6)) "
                + "more (\(NumberText.compact(totalValue, decimals: 6)) of at most "
                + "\(NumberText.compact(upperBound, decimals: 6))); fewer candidates make the proof fast")
    }
}

extension RuleSet {
    /// A warning when the catalogue's measure plan may not be proven optimal within the planner's search limit:
    /// the plan is tried with every area selected at score 1 and, per resource, the latest amounts of each scope
    /// in `dataset` (or, without data, half of what the whole catalogue would use).
    /// - Parameters:
    ///   - dataset: the data whose resources are tried, if any.
    ///   - nodeLimit: how many search nodes the proof may take (by default as many as an evaluation allows).
    public func planAdvice(for dataset: Dataset? = nil, nodeLimit: Int? = nil) -> [Diagnostic] {
        guard !measures.isEmpty else { return [] }
        let scores = Dictionary(areas.map { ($0.id, 1.0) }, uniquingKeysWith: { first, _ in first })
        var budgets: [[NameKey: Double]] = []
        if let dataset {
            for periods in dataset.resources.values {
                if let latest = periods.keys.max(), let amounts = periods[latest] { budgets.append(amounts) }
            }
        }
        if budgets.isEmpty {
            var demand: [NameKey: Double] = [:]
            for measure in measures { for cost in measure.cost { demand[NameKey(cost.resource), default: 0] += cost.amount } }
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
                            + "what Fokus proves optimal in an evaluation: the measure plan may be the best found, "
                            + "not the best possible (an evaluation says so and gives the gap); fewer or more distinct "
                            + "measures make the proof fast")
                ]
            }
        }
        return []
    }
}
