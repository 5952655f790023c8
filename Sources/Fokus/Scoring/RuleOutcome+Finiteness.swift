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
            return .error(
                DiagnosticText.evaluation(
                    .ruleBreaksScore(
                        rule: culprit.id, area: area.id, notANumber: culprit.scoreAfter.isNaN, before: "\(culprit.scoreBefore)")),
                at: rule?.location)
        }
        return .error(DiagnosticText.evaluation(.scoreNotFinite(area: area.id, notANumber: score.isNaN)))
    }
}
