/// What the rules did to one area's score and selection.
public struct RuleOutcome: Sendable, Hashable {
    /// The score after every rule.
    public var score: Double
    /// The rules that fired, in order.
    public var fired: [FiredRule]
    /// Whether a rule included the area.
    public var included = false
    /// Whether a rule excluded it.
    public var excluded = false
    /// Notes added by rules.
    public var notes: [String] = []
    /// The rules with a `when:` that did not fire, in order, with what their condition saw.
    public var missed: [MissedRule] = []
    /// What a `when:` condition sees of the area after every rule (`score` is the final score).
    public var facts: AreaFacts?

    /// Runs `rules` in file order on an area whose weighted score is `score` (SPEC 4 "Score").
    static func apply(_ rules: [Rule], to factors: AreaFactors, score: Double) -> RuleOutcome {
        var outcome = RuleOutcome(score: score, fired: [])
        for rule in rules {
            let before = outcome.score
            if let condition = rule.condition {
                let facts = factors.facts(score: before)
                guard condition.isSatisfied(by: facts) else {
                    outcome.missed.append(MissedRule(id: rule.id, condition: condition, facts: facts))
                    continue
                }
            }
            for action in rule.actions {
                switch action {
                case .boost(let x): outcome.score += x
                case .scale(let x): outcome.score *= x
                case .include: outcome.included = true
                case .exclude: outcome.excluded = true
                case .note(let text): outcome.notes.append(text)
                }
            }
            outcome.fired.append(
                FiredRule(id: rule.id, reason: rule.reason, actions: rule.actions, scoreBefore: before, scoreAfter: outcome.score))
        }
        outcome.facts = factors.facts(score: outcome.score)
        return outcome
    }
}

/// A rule whose `when:` did not hold for an area, with the facts it was evaluated on.
public struct MissedRule: Sendable, Hashable {
    /// The rule's id.
    public var id: String
    /// Its condition.
    public var condition: Expression
    /// What the condition saw (`score` as before the rule).
    public var facts: AreaFacts

    /// The condition part by part: which comparisons were false and by how much.
    public var trace: ConditionTrace { condition.trace(facts) }
}

/// A rule that fired for an area.
public struct FiredRule: Sendable, Hashable {
    /// The rule's id.
    public var id: String
    /// Its `reason:`.
    public var reason: String?
    /// Its actions.
    public var actions: [RuleAction]
    /// The score before the rule.
    public var scoreBefore: Double
    /// The score after it.
    public var scoreAfter: Double
}
