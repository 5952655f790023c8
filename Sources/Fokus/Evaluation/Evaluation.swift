/// One run of a rule set over a dataset for one scope and period: ranking, selection, measure plan
/// and everything needed to explain them.
public struct Evaluation: Sendable {
    /// The rule set's name.
    public var ruleSetName: String?
    /// The evaluated scope, as the data spells it.
    public var scope: String
    /// The evaluated period T.
    public var period: Period
    /// The normalised global weights.
    public var weights: FactorWeights
    /// The missing policy used.
    public var missingPolicy: MissingPolicy
    /// The selection settings used.
    public var selectionSettings: SelectionSettings
    /// Every area, in rank order.
    public var ranking: [AreaEvaluation]
    /// The optimal measure plan for the selected areas.
    public var plan: MeasurePlan
    /// Which data periods were used.
    public var dataPeriods: DataPeriods
    /// Crime categories (or event types) in T that no area maps, with their counts, largest first.
    public var unmapped: [CategoryCount]
    /// Rank stability under sampled weights; `nil` when sampling was turned off.
    public var stability: RankStability?
    /// Follow-up of the adopted focus areas, in the order given.
    public var followUps: [FollowUp]
    /// Everything the user should know: rule-set, data and evaluation warnings.
    public var warnings: [Diagnostic]
    /// The data files read.
    public var inputs: [InputFile]

    /// The selected areas, in rank order.
    public var selected: [AreaEvaluation] { ranking.filter(\.selected) }

    /// The area with `id`, if any.
    public func area(_ id: String) -> AreaEvaluation? { ranking.first { $0.id == id } }
}

/// One area's result, with its explanation.
public struct AreaEvaluation: Sendable, Hashable, Identifiable {
    /// The area's id.
    public var id: String
    /// Its display name.
    public var name: String
    /// 1…N.
    public var rank: Int
    /// The final score, after rules.
    public var score: Double
    /// The weighted score before rules.
    public var weightedScore: Double
    /// Whether it is selected.
    public var selected: Bool
    /// Why it is or is not selected.
    public var selectionReason: SelectionReason
    /// The crime trend; `nil` when missing.
    public var trend: TrendFactor?
    /// Citizen concern; `nil` when missing.
    public var concern: ConcernFactor?
    /// Resources (never missing).
    public var resources: ResourcesFactor
    /// The area's effective, normalised weights.
    public var weights: FactorWeights
    /// Each counted factor's part of ``weightedScore`` (w·n / Σw); absent for a factor left out.
    public var contributions: [Factor: Double]
    /// What the rules did.
    public var rules: RuleOutcome
    /// The area's definition.
    public var area: Area
    /// What is missing and why.
    public var missing: [MissingReason]
    /// What a `when:` condition sees of the area after every rule (`score` is the final score); `nil` for an
    /// evaluation made without it.
    public var facts: AreaFacts? = nil

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
}

/// The data periods an evaluation used.
public struct DataPeriods: Sendable, Hashable {
    /// Periods with crime data for the scope, at the evaluated granularity, oldest first.
    public var crime: [Period]
    /// The survey period used for concern, if any.
    public var survey: Period?
    /// The resources period used, if any.
    public var resources: Period?
}

/// A category name and a count.
public struct CategoryCount: Sendable, Hashable {
    /// The category or event type, as the data spells it.
    public var category: String
    /// Its count.
    public var count: Int
}
