/// What the rules did to one area's score and selection.
public struct RuleOutcome: Sendable, Hashable {
    /// The score after every rule.
    public internal(set) var score: Double
    /// The rules that fired, in order.
    public internal(set) var fired: [FiredRule]
    /// Whether a rule included the area.
    public internal(set) var included = false
    /// Whether a rule excluded it.
    public internal(set) var excluded = false
    /// Notes added by rules.
    public internal(set) var notes: [String] = []
    /// The rules run and the score before the first: enough to tell, later, which rules did not fire and
    /// what each saw. Nothing is recorded per rule, since this runs for every rank-stability sample.
    var applied = AppliedRules(rules: [])
    var initialScore = 0.0

    /// The rules with a `when:` that did not fire, in order, with what their condition saw.
    /// - Parameter facts: what a condition sees of the area; its `score` is replaced by the score each rule saw.
    func missed(seeing facts: AreaFacts) -> [MissedRule] {
        var seen = facts
        var result: [MissedRule] = []
        var current = initialScore
        var next = 0  // the next fired rule; rules fire in the order they run
        for rule in applied.rules {
            if next < fired.count, fired[next].id == rule.id {
                current = fired[next].scoreAfter
                next += 1
            } else if let condition = rule.condition {
                seen.score = current
                result.append(MissedRule(id: rule.id, condition: condition, facts: seen))
            }
        }
        return result
    }

    /// Runs `rules` in file order on an area whose weighted score is `score` (SPEC 4 "Score").
    static func apply(_ rules: [Rule], to factors: AreaFactors, score: Double) -> RuleOutcome {
        var outcome = RuleOutcome(score: score, fired: [], applied: AppliedRules(rules: rules), initialScore: score)
        var facts = factors.facts(score: score)  // only `score` changes from rule to rule
        for rule in rules {
            let before = outcome.score
            if let condition = rule.condition {
                facts.score = before
                if !condition.isSatisfied(by: facts) { continue }
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
        return outcome
    }

    /// What a rank-stability sample needs of ``apply(_:to:score:)``: the score (the same additions and
    /// multiplications in the same order, so the same bits) and whether the area is included or excluded,
    /// without recording which rules fired or their notes.
    /// `facts` are the area's facts (``AreaFactors/facts(score:)``); their `score` is left as the last
    /// condition saw it. `conditions` are the rules' conditions as the area's samples see them, one per rule.
    static func sampleOutcome(
        _ rules: [Rule], conditions: UnsafeBufferPointer<SampleCondition>, facts: inout AreaFacts, score: Double
    ) -> (score: Double, included: Bool, excluded: Bool) {
        var result = (score: score, included: false, excluded: false)
        for r in rules.indices {
            switch conditions[r] {
            case .always: break
            case .never: continue
            case .test(let condition):
                facts.score = result.score
                if !condition.isSatisfied(by: facts) { continue }
            }
            for action in rules[r].actions {
                switch action {
                case .boost(let x): result.score += x
                case .scale(let x): result.score *= x
                case .include: result.included = true
                case .exclude: result.excluded = true
                case .note: break
                }
            }
        }
        return result
    }
}

/// The rules an outcome ran, compared by id (what tells two outcomes apart is what the rules did).
struct AppliedRules: Sendable, Hashable {
    let rules: [Rule]

    static func == (lhs: AppliedRules, rhs: AppliedRules) -> Bool {
        lhs.rules.map(\.id) == rhs.rules.map(\.id)
    }

    func hash(into hasher: inout Hasher) {
        for rule in rules { hasher.combine(rule.id) }
    }
}

/// A rule whose `when:` did not hold for an area, with the facts it was evaluated on.
public struct MissedRule: Sendable, Hashable {
    /// The rule's id.
    public internal(set) var id: String
    /// Its condition.
    public internal(set) var condition: Expression
    /// What the condition saw (`score` as before the rule).
    package var facts: AreaFacts

    /// The condition part by part: which comparisons were false and by how much.
    package var trace: ConditionTrace { condition.trace(facts) }
}

/// A rule that fired for an area.
public struct FiredRule: Sendable, Hashable {
    /// The rule's id.
    public internal(set) var id: String
    /// Its `reason:`.
    public internal(set) var reason: String?
    /// Its actions.
    public internal(set) var actions: [RuleAction]
    /// The score before the rule.
    public internal(set) var scoreBefore: Double
    /// The score after it.
    public internal(set) var scoreAfter: Double
}
