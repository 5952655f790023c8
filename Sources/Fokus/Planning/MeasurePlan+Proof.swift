extension MeasurePlan {
    /// The warning for a plan not proven optimal within the planner's time limit; `nil` when it is proven.
    var unprovenWarning: Diagnostic? {
        guard !isProvenOptimal else { return nil }
        let gap = max(0, upperBound - totalValue)
        if gap <= 1e-12 * max(1, abs(totalValue)) {
            return .warning(DiagnosticText.evaluation(.planTiesUnsettled(candidates: candidateCount)))
        }
        return .warning(
            DiagnosticText.evaluation(
                .planNotProven(
                    candidates: candidateCount, gap: NumberText.compact(gap, decimals: 6),
                    value: NumberText.compact(totalValue, decimals: 6), bound: NumberText.compact(upperBound, decimals: 6))))
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
                for cost in measure.cost { demand[cost.resourceKey, default: 0] += cost.amount }
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
                        DiagnosticText.evaluation(
                            .catalogueTooLarge(
                                measures: measures.count, resources: plan.resources.count, areas: selected.count,
                                candidates: plan.candidateCount)))
                ]
            }
        }
        return []
    }
}
