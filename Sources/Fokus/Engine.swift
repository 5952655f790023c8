/// The façade: a rule set evaluated over a dataset for one scope and period.
///
/// ```swift
/// let rules = try RuleSetLoader.load(from: URL(filePath: "rules"))
/// let data = try DatasetLoader.load(from: URL(filePath: "Samples/kungsor"))
/// let evaluation = try Engine(rules: rules).evaluate(data)
/// ```
public struct Engine: Sendable {
    /// The rule set.
    public let rules: RuleSet

    /// Every area's category keys: a category in none of them is reported as unmapped.
    private let mappedCategories: Set<NameKey>

    /// Creates an engine for a rule set.
    public init(rules: RuleSet) {
        self.rules = rules
        mappedCategories = Set(rules.areas.flatMap(\.categoryKeys))
    }

    /// Evaluates `dataset` (SPEC 4).
    /// - Parameters:
    ///   - dataset: the data.
    ///   - scope: the scope; defaults to the rules' `scope:`, else the data's only scope.
    ///   - period: the period; defaults to the rules' `period:`.
    ///   - sensitivity: rank-stability settings; defaults to the rules' `sensitivity:`. 0 samples skips it.
    ///   - adoptions: adopted focus areas of this scope to follow up (SPEC 7).
    /// - Throws: ``FokusError`` when the scope has no crime data, the data is coarser than the period,
    ///   the weights are all zero, or `missing: error` meets a missing factor.
    public func evaluate(
        _ dataset: Dataset, scope: String? = nil, period: PeriodChoice? = nil, sensitivity: SensitivitySettings? = nil,
        adoptions: [Adoption] = []
    ) throws(FokusError)
        -> Evaluation
    {
        try evaluate(
            dataset, scope: scope, period: period, sensitivity: sensitivity, adoptions: adoptions, overview: nil)
    }

    /// Evaluates `dataset` as ``evaluate(_:scope:period:sensitivity:adoptions:)`` does, with the dataset's
    /// overview computed once for many scopes (``evaluateAll(_:level:period:sensitivity:progress:)``); `nil` computes it.
    package func evaluate(
        _ dataset: Dataset, scope: String?, period: PeriodChoice?, sensitivity: SensitivitySettings?,
        adoptions: [Adoption] = [], overview: DatasetOverview?
    ) throws(FokusError)
        -> Evaluation
    {
        if let sensitivity { try sensitivity.validate() }
        var scopeName = try resolveScope(scope, in: dataset)
        // A municipality's code names the municipality; a county is the sum of its municipalities.
        var county: CountyAggregate?
        var dataset = dataset
        switch MunicipalityTable.sweden.place(scopeName) {
        case .municipality(let m) where scopeName.trimmingSpaces() == m.code: scopeName = m.name
        case .county(let c):
            (dataset, county) = dataset.aggregating(c)
            scopeName = c.name
        default: break
        }
        let data = try ScopeData(dataset: dataset, scope: scopeName, choice: period ?? rules.period, overview: overview)
        guard let weights = rules.weights.normalised() else {
            throw FokusError([.error(DiagnosticText.evaluation(.allWeightsZero))])
        }
        let factors = computeFactors(data: data)
        let model = ScoreModel(globalWeights: weights, missing: rules.missing)
        let (scored, (ranked, selected)) = try rankAndSelect(factors, model: model)
        let sensitivity = sensitivity ?? rules.sensitivity
        let stability =
            sensitivity.samples > 0
            ? try self.stability(
                factors: factors, data: data, baseline: ranked, selected: selected, globalWeights: weights,
                settings: sensitivity)
            : nil

        var ranking: [AreaEvaluation] = []
        for (position, entry) in ranked.enumerated() {
            let f = factors[entry.index]
            let s = scored[entry.index]
            var area = AreaEvaluation(
                id: f.area.id, name: f.area.name, rank: position + 1, score: s.outcome.score,
                weightedScore: s.weighted, selected: selected[position],
                selectionReason: selectionReason(entry, position: position),
                trend: f.trend, concern: f.concern, resources: f.resources, weights: s.weights,
                contributions: s.contributions, rules: s.outcome, area: f.area,
                missing: missingReasons(f, data: data), facts: f.facts(score: s.outcome.score))
            area.signals = f.signals
            area.evidence = f.hasEvidence
            ranking.append(area)
        }
        let selectedScores = Dictionary(
            ranking.filter(\.selected).map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first })
        let plan = MeasurePlanner(
            measures: rules.measures, selectedScores: selectedScores, available: data.available,
            displayName: { dataset.displayName($0) }
        ).solve()

        let unmapped = unmappedCategories(data: data, dataset: dataset)
        var warnings = rules.warnings + dataset.warnings
        if let warning = plan.unprovenWarning { warnings.append(warning) }
        for file in dataset.rejected { warnings.append(file.notUsedWarning) }
        var evaluation = Evaluation(
            ruleSetName: rules.name, scope: data.scopeName, period: data.period, weights: weights,
            missingPolicy: rules.missing, selectionSettings: rules.selection, ranking: ranking, plan: plan,
            dataPeriods: DataPeriods(
                crime: data.presentPeriods.sorted(), survey: data.surveyPeriod, resources: data.resourcesPeriod),
            unmapped: unmapped, stability: stability,
            followUps: adoptions.filter { $0.scope.map { NameKey($0) } ?? NameKey(data.scopeName) == NameKey(data.scopeName) }.map {
                adoption in
                FollowUp.compute(
                    adoption: adoption, area: rules.areas.first { $0.id == adoption.areaID }, data: data,
                    settings: rules.trend, aggregate: rules.concernAggregate)
            }, warnings: warnings, inputs: dataset.inputs)
        evaluation.signals = rules.signals
        evaluation.comparison = comparison(data: data)
        evaluation.notices = notices(
            ranking: ranking, data: data, dataset: dataset, unmapped: unmapped, unmatchedNames: overview?.unmatchedNames)
        if let county {
            evaluation.county = county
            evaluation.notices.insert(.countyAggregate(county), at: 0)
        }
        return evaluation
    }

    // MARK: - Steps

    func resolveScope(_ scope: String?, in dataset: Dataset) throws(FokusError) -> String {
        if let scope = scope ?? rules.scope { return scope }
        let scopes = dataset.crime.keys.sorted()
        if scopes.count == 1 { return dataset.displayName(scopes[0]) }
        let problem: DiagnosticText.EvaluationProblem =
            scopes.isEmpty
            ? .noCrimeRows : .whichScope(count: scopes.count, examples: scopes.prefix(5).map { dataset.displayName($0) })
        throw FokusError([.error(DiagnosticText.evaluation(problem))])
    }

    func computeFactors(data: ScopeData) -> [AreaFactors] {
        rules.areas.map { area in
            AreaFactors(
                area: area,
                trend: TrendFactor.compute(categories: area.categoryKeys, data: data, settings: rules.trend),
                concern: ConcernFactor.compute(area: area, data: data, aggregate: rules.concernAggregate),
                resources: ResourcesFactor.compute(
                    area: area, measures: rules.measures, available: data.available, hasData: data.hasResourceData),
                signals: rules.signals.map { signal in
                    SignalFactor.compute(signal: signal, area: area, data: data, aggregate: rules.concernAggregate)
                })
        }
    }

    struct Scored {
        var weights: FactorWeights
        var weighted: Double
        var contributions: [Factor: Double]
        var outcome: RuleOutcome
    }

    func score(_ factors: [AreaFactors], model: ScoreModel) throws(FokusError) -> [Scored] {
        var result: [Scored] = []
        var errors: [Diagnostic] = []
        for f in factors {
            let weights = model.weights(for: f.area)
            do {
                let (weighted, contributions) = try model.score(f, weights: weights)
                let outcome = RuleOutcome.apply(rules.rules, to: f, score: weighted)
                if let problem = outcome.nonFiniteScore(area: f.area, rules: rules.rules) {
                    errors.append(problem)
                    continue
                }
                result.append(
                    Scored(weights: weights, weighted: weighted, contributions: contributions, outcome: outcome))
            } catch {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw FokusError(errors) }
        return result
    }

    /// Scores, applies the rules, ranks and selects: the part recomputed for every weight sample.
    func rankAndSelect(_ factors: [AreaFactors], model: ScoreModel) throws(FokusError) -> (
        scored: [Scored], ranking: (ranked: [Ranking.Entry], selected: [Bool])
    ) {
        let scored = try score(factors, model: model)
        let ranked = Ranking.rank(
            scored.enumerated().map { index, s in
                Ranking.Entry(
                    index: index, id: factors[index].area.id, score: s.outcome.score, nConcern: factors[index].concern?.n,
                    included: s.outcome.included, excluded: s.outcome.excluded, evidence: factors[index].hasEvidence)
            })
        return (scored, (ranked, Ranking.selection(of: ranked, settings: rules.selection)))
    }

    func selectionReason(_ entry: Ranking.Entry, position: Int) -> SelectionReason {
        if entry.excluded { return .excluded }
        if !entry.evidence { return entry.included ? .included : .noEvidence }
        if let top = rules.selection.top, position >= top { return entry.included ? .included : .belowTop }
        if let minScore = rules.selection.minScore, entry.score < minScore {
            return entry.included ? .included : .belowMinScore
        }
        return .ranked
    }

    func missingReasons(_ f: AreaFactors, data: ScopeData) -> [MissingReason] {
        var reasons: [MissingReason] = []
        if f.trend == nil {
            if f.area.categories.isEmpty {
                reasons.append(.trendWithoutCategories)
            } else if data.comparableCounts[data.period] == nil {
                reasons.append(.trendPeriodWithoutData(data.period))
            } else {
                reasons.append(.trendWithoutBaseline(baselinePeriods: rules.trend.baselinePeriods, period: data.period))
            }
        }
        if f.concern == nil {
            if f.area.surveyItems.isEmpty {
                reasons.append(.concernWithoutItems)
            } else if let period = data.surveyPeriod {
                reasons.append(.concernNotAsked(survey: period))
            } else {
                reasons.append(.concernWithoutSurvey(period: data.period, scope: data.scopeName))
            }
        }
        if f.resources == nil {
            reasons.append(.resourcesWithoutData(period: data.period, scope: data.scopeName))
        } else if let resources = f.resources, resources.hasNoMeasures, !resources.isOverridden {
            reasons.append(.resourcesWithoutMeasures)
        }
        for (signal, factor) in zip(rules.signals, f.signals) where factor == nil {
            if (f.area.signalItems[signal.id] ?? []).isEmpty {
                reasons.append(.signalWithoutItems(signal: signal.id))
            } else if let period = data.sources[signal.sourceKey]?.latest {
                reasons.append(.signalNotAsked(signal: signal.id, period: period))
            } else {
                reasons.append(.signalWithoutData(signal: signal.id, source: signal.source))
            }
        }
        return reasons
    }

    /// The periods the trends compare: T, the baseline used, the months compared and what was left out.
    func comparison(data: ScopeData) -> PeriodComparison {
        let window = (1...rules.trend.baselinePeriods).reversed().map { data.period.advanced(by: -$0) }
        return PeriodComparison(
            comparedMonths: data.comparedMonths,
            baselinePeriods: window.filter { data.comparableCounts[$0] != nil },
            baselineDropped: window.compactMap { p in data.leftOut[p].map { BaselineDrop(period: p, reason: $0) } })
    }

    func unmappedCategories(data: ScopeData, dataset: Dataset) -> [CategoryCount] {
        (data.counts[data.period] ?? [:])
            .filter { !mappedCategories.contains($0.key) && $0.value > 0 }
            .map { CategoryCount(category: dataset.displayName($0.key), count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.category.precedesByCodePoint($1.category) }
    }

    /// What the group should know about the evaluation as a whole (SPEC 4.2, 4.3; issue-level checks).
    func notices(
        ranking: [AreaEvaluation], data: ScopeData, dataset: Dataset, unmapped: [CategoryCount],
        unmatchedNames: [EvaluationNotice]? = nil
    ) -> [EvaluationNotice] {
        var notices: [EvaluationNotice] = []
        let withoutEvidence = ranking.filter { !$0.evidence }.map { a in
            AreaWithoutEvidence(
                id: a.id, hasCategories: !a.area.categories.isEmpty, hasSurveyItems: !a.area.surveyItems.isEmpty)
        }
        if !withoutEvidence.isEmpty { notices.append(.noEvidence(withoutEvidence)) }
        if !data.hasResourceData {
            notices.append(.noResourceData(scope: data.scopeName, period: data.period))
        }
        notices += unmatchedNames ?? DataVocabulary(dataset).unmatched(in: rules)
        if !unmapped.isEmpty {
            notices.append(.unmappedCategories(scope: data.scopeName, period: data.period, categories: unmapped))
        }
        return notices
    }
}
