/// A rule's `when:` as one area's rank-stability samples see it: the parts that name no fact a sample
/// can change are worked out once, on the observed facts, since every sample would find the same value.
enum SampleCondition {
    /// Holds in every sample (or the rule has no `when:`).
    case always
    /// Holds in no sample.
    case never
    /// Evaluated per sample: what is left of the condition.
    case test(ExpressionNode)

    /// `condition` for an area whose facts are `facts`; `fixed` tells which facts no sample changes.
    init(_ condition: Expression?, facts: AreaFacts, fixed: (Variable) -> Bool) {
        guard let condition else {
            self = .always
            return
        }
        let folded = condition.root.folded(facts, fixed: fixed)
        if case .boolean(let truth) = folded.kind {
            self = truth ? .always : .never
        } else {
            self = .test(folded)
        }
    }
}

extension ExpressionNode {
    /// Whether the node names a fact that `fixed` does not hold fixed.
    func namesVarying(_ fixed: (Variable) -> Bool) -> Bool {
        switch kind {
        case .number, .string, .boolean: false
        case .variable(let variable): !fixed(variable)
        case .list(let elements), .call(_, let elements): elements.contains { $0.namesVarying(fixed) }
        case .negate(let operand), .not(let operand): operand.namesVarying(fixed)
        case .arithmetic(_, _, let left, let right), .comparison(_, _, let left, let right),
            .membership(_, _, let left, let right), .logical(_, _, let left, let right):
            left.namesVarying(fixed) || right.namesVarying(fixed)
        }
    }

    /// This condition (a node the ``TypeChecker`` typed as true or false) with each part that names only
    /// fixed facts replaced by its value for `facts`, and `and`, `or` and `not` of such values simplified
    /// (evaluation has no side effects, so a part whose value cannot change the outcome need not be
    /// evaluated). For facts that agree with `facts` on every fixed fact, the result holds exactly when
    /// the condition does.
    func folded(_ facts: AreaFacts, fixed: (Variable) -> Bool) -> ExpressionNode {
        if !namesVarying(fixed) { return ExpressionNode(kind: .boolean(isSatisfied(by: facts)), range: range) }
        switch kind {
        case .not(let operand):
            let inner = operand.folded(facts, fixed: fixed)
            if case .boolean(let truth) = inner.kind { return ExpressionNode(kind: .boolean(!truth), range: range) }
            return ExpressionNode(kind: .not(inner), range: range)
        case .logical(let op, let at, let left, let right):
            let l = left.folded(facts, fixed: fixed)
            let r = right.folded(facts, fixed: fixed)
            // `and` is decided by a false side and `or` by a true one; the other constant leaves the other side.
            let deciding = op == .or
            for (side, other) in [(l, r), (r, l)] {
                guard case .boolean(let truth) = side.kind else { continue }
                return truth == deciding ? ExpressionNode(kind: .boolean(deciding), range: range) : other
            }
            return ExpressionNode(kind: .logical(op, at: at, l, r), range: range)
        default:
            return self
        }
    }
}
