/// What every scope's evaluation over one dataset shares, computed once: S and E of SPEC 4.2 (the
/// first and last month of any month-resolved crime row, over all files and scopes) and the names the
/// data uses, as the notices about the rules' names that match nothing.
///
/// ``Engine/evaluate(_:scope:period:sensitivity:adoptions:overview:)`` computes one when it is not
/// given; evaluating many scopes of the same dataset (``Engine/evaluateAll(_:level:period:sensitivity:)``)
/// passes one, so that no step costs the size of the whole dataset once per scope.
package struct DatasetOverview: Sendable {
    /// S…E as month ordinals; `nil` without month-resolved rows.
    let dataMonths: ClosedRange<Int>?
    /// The notices about the rules' names that match nothing in the data (``DataVocabulary/unmatched(in:)``).
    let unmatchedNames: [EvaluationNotice]

    /// Computes the overview of a dataset for a rule set.
    package init(_ dataset: Dataset, rules: RuleSet) {
        dataMonths = ScopeData.monthResolvedSpan(of: dataset)
        unmatchedNames = DataVocabulary(dataset).unmatched(in: rules)
    }
}
