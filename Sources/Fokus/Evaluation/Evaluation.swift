/// One run of a rule set over a dataset for one scope and period: ranking, selection, measure plan
/// and everything needed to explain them.
public struct Evaluation: Sendable {
    /// The rule set's name.
    public internal(set) var ruleSetName: String?
    /// The evaluated scope, as the data spells it.
    public internal(set) var scope: String
    /// The evaluated period T.
    public internal(set) var period: Period
    /// The normalised global weights.
    public internal(set) var weights: FactorWeights
    /// The missing policy used.
    public internal(set) var missingPolicy: MissingPolicy
    /// The selection settings used.
    public internal(set) var selectionSettings: SelectionSettings
    /// Every area, in rank order.
    public internal(set) var ranking: [AreaEvaluation]
    /// The optimal measure plan for the selected areas.
    public internal(set) var plan: MeasurePlan
    /// Which data periods were used.
    public internal(set) var dataPeriods: DataPeriods
    /// Crime categories (or event types) in T that no area maps, with their counts, largest first.
    public internal(set) var unmapped: [CategoryCount]
    /// The declared signals (SPEC 4.3), in declaration order.
    public internal(set) var signals: [Signal] = []
    /// Which periods the trends compare, and which were left out (SPEC 4.2).
    public internal(set) var comparison: PeriodComparison = PeriodComparison()
    /// Findings about the evaluation as a whole, for every format in its language: areas without
    /// evidence, missing resource data, names that match nothing, unmapped categories.
    public internal(set) var notices: [EvaluationNotice] = []
    /// When the scope is a county: how its figures were summed from its municipalities.
    public internal(set) var county: CountyAggregate?
    /// Rank stability under sampled weights; `nil` when sampling was turned off.
    public internal(set) var stability: RankStability?
    /// Follow-up of the adopted focus areas, in the order given.
    public internal(set) var followUps: [FollowUp]
    /// Everything the user should know: rule-set, data and evaluation warnings.
    public internal(set) var warnings: [Diagnostic]
    /// The data files read.
    public internal(set) var inputs: [InputFile]

    /// The selected areas, in rank order.
    public var selected: [AreaEvaluation] { ranking.filter(\.selected) }

    /// The area with `id`, if any.
    public func area(_ id: String) -> AreaEvaluation? { ranking.first { $0.id == id } }
}

/// One area's result, with its explanation.
public struct AreaEvaluation: Sendable, Hashable, Identifiable {
    /// The area's id.
    public internal(set) var id: String
    /// Its display name.
    public internal(set) var name: String
    /// 1…N.
    public internal(set) var rank: Int
    /// The final score, after rules.
    public internal(set) var score: Double
    /// The weighted score before rules.
    public internal(set) var weightedScore: Double
    /// Whether it is selected.
    public internal(set) var selected: Bool
    /// Why it is or is not selected.
    public internal(set) var selectionReason: SelectionReason
    /// The crime trend; `nil` when missing.
    public internal(set) var trend: TrendFactor?
    /// Citizen concern; `nil` when missing.
    public internal(set) var concern: ConcernFactor?
    /// Resources; `nil` when the scope has no resource data (SPEC 4.2).
    public internal(set) var resources: ResourcesFactor?
    /// Each declared signal's factor, in declaration order; `nil` when missing (SPEC 4.3).
    public internal(set) var signals: [SignalFactor?] = []
    /// Whether any data speaks for the area (SPEC 4.2 "Evidence").
    public internal(set) var evidence: Bool = true
    /// The area's effective, normalised weights.
    public internal(set) var weights: FactorWeights
    /// Each counted factor's part of ``weightedScore`` (w·n / Σw); absent for a factor left out.
    public internal(set) var contributions: [Factor: Double]
    /// What the rules did.
    public internal(set) var rules: RuleOutcome
    /// The area's definition.
    public internal(set) var area: Area
    /// What is missing and why.
    public internal(set) var missing: [MissingReason]
    /// What a `when:` condition sees of the area after every rule (`score` is the final score); `nil` for an
    /// evaluation made without it.
    package var facts: AreaFacts? = nil

    /// The rules with a `when:` that did not fire for the area, in order, with what each condition saw.
    public var missedRules: [MissedRule] { facts.map { rules.missed(seeing: $0) } ?? [] }
}

/// Why an area is or is not selected.
public enum SelectionReason: String, Sendable, Hashable {
    /// Within `select.top` (and `min_score`).
    case ranked
    /// A rule included it.
    case included
    /// A rule excluded it.
    case excluded
    /// Below the `top` cut.
    case belowTop
    /// Scored under `min_score`.
    case belowMinScore
    /// No data speaks for it, and no rule included it (SPEC 4.2).
    case noEvidence = "no_evidence"
}

/// Which periods the trends compare (SPEC 4.2).
public struct PeriodComparison: Sendable, Hashable {
    /// L, when the evaluated period is a part-year and every period's first L months are compared.
    public internal(set) var comparedMonths: Int?
    /// The baseline periods used, oldest first (the same for every area).
    public internal(set) var baselinePeriods: [Period] = []
    /// Baseline periods (within T−K … T−1) left out, oldest first.
    public internal(set) var baselineDropped: [BaselineDrop] = []

    /// Creates a comparison of whole periods.
    package init(comparedMonths: Int? = nil, baselinePeriods: [Period] = [], baselineDropped: [BaselineDrop] = []) {
        self.comparedMonths = comparedMonths
        self.baselinePeriods = baselinePeriods
        self.baselineDropped = baselineDropped
    }
}

/// Something the group should know about an evaluation as a whole; each format says it in its language.
public enum EvaluationNotice: Sendable, Hashable {
    /// These areas have no evidence: they rank last and are not selected by `select` (SPEC 4.2).
    case noEvidence([AreaWithoutEvidence])
    /// The scope has no resource rows in any period up to T: resources are missing (SPEC 4.2).
    case noResourceData(scope: String, period: Period)
    /// Names in an area that match nothing anywhere in the data, with the closest names that do.
    case unmatchedNames(area: String, names: [UnmatchedName])
    /// Crimes or events in T of categories no area maps.
    case unmappedCategories(scope: String, period: Period, categories: [CategoryCount])
    /// A signal's source, or its items, occur in no data file.
    case signalWithoutData(signal: String, source: String)
    /// The scope is a county, evaluated as the sum of its municipalities and its own rows.
    case countyAggregate(CountyAggregate)
}

/// An area without evidence, and why.
public struct AreaWithoutEvidence: Sendable, Hashable {
    /// The area's id.
    public internal(set) var id: String
    /// Whether it lists crime categories (which then had no crimes counted).
    public internal(set) var hasCategories: Bool
    /// Whether it lists survey items (which the latest survey then did not ask).
    public internal(set) var hasSurveyItems: Bool
}

/// A category, survey item or signal item that matches nothing in the data.
public struct UnmatchedName: Sendable, Hashable {
    /// What kind of name it is.
    public enum Kind: String, Sendable, Hashable {
        case category, surveyItem = "survey_item", signalItem = "signal_item"
    }
    /// The kind.
    public internal(set) var kind: Kind
    /// The name as the rules write it.
    public internal(set) var name: String
    /// The closest name of that kind in the data, if one is close.
    public internal(set) var suggestion: String?
}

/// The data periods an evaluation used.
public struct DataPeriods: Sendable, Hashable {
    /// Periods with crime data for the scope, at the evaluated granularity, oldest first.
    public internal(set) var crime: [Period]
    /// The survey period used for concern, if any.
    public internal(set) var survey: Period?
    /// The resources period used, if any.
    public internal(set) var resources: Period?
}

/// A category name and a count.
public struct CategoryCount: Sendable, Hashable {
    /// The category or event type, as the data spells it.
    public internal(set) var category: String
    /// Its count.
    public internal(set) var count: Int
}
