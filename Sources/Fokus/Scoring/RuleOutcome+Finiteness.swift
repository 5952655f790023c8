extension RuleOutcome {
    /// The error for a score that the rules made infinite or not a number, naming the first rule that did it;
    /// `nil` when the score is a finite number.
    ///
    /// A score of `inf` or `NaN` cannot be ranked (NaN compares false with everything) and must never be
    /// selected silently.
    func nonFiniteScore(area: Area, rules: [Rule]) -> Diagnostic? {
        guard !score.isFinite else { return nil }
        let culprit = fired.first { !$0.scoreAfter.isFinite }
        let rule = culprit.flatMap { fired in rules.first { $0.id == fired.id } }
        if let culprit {
            let what = culprit.scoreAfter.isNaN ? "not a number" : "infinite"
            return .error(
                "the rule \"\(culprit.id)\" makes the score of the area \"\(area.id)\" \(what) "
                    + "(from \(culprit.scoreBefore)); use a smaller `boost` or `scale`",
                at: rule?.location)
        }
        let what = score.isNaN ? "not a number" : "infinite"
        return .error("the score of the area \"\(area.id)\" is \(what); check its weights and rules")
    }
}
