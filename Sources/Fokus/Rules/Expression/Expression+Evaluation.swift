/// Evaluation of a type-checked ``ExpressionNode`` against one area (SPEC 4.1 "Rules").
///
/// - A missing fact (`nil`) propagates through arithmetic, unary minus and `min max abs`; so does division by
///   zero.
/// - A comparison, `in` or `not in` with a missing side is false (`!=` and `not in` too).
/// - `and`/`or` see only true or false (a missing comparison is already false); `not` is plain negation, so
///   `not (trend.z >= 2)` holds when `trend.z` is missing.
/// - Strings compare exactly, Unicode scalar by scalar (no normalisation, no case folding).
extension ExpressionNode {
    /// A value during evaluation; `nil` in `number` is a missing fact.
    enum Value {
        case number(Double?)
        case string(String)
        case boolean(Bool)
        case list([Value])
    }

    /// Whether a condition node holds. Only called on nodes the ``TypeChecker`` typed as conditions.
    /// `and`, `or`, `not` and the ordering comparisons (of numbers) are decided here without building
    /// ``Value``s, with the outcome ``evaluate(_:)`` gives: rank stability runs the conditions for every
    /// area in every sample.
    func isSatisfied(by facts: AreaFacts) -> Bool {
        switch kind {
        case .boolean(let truth): return truth
        case .not(let operand): return !operand.isSatisfied(by: facts)
        case .logical(.and, _, let left, let right): return left.isSatisfied(by: facts) && right.isSatisfied(by: facts)
        case .logical(.or, _, let left, let right): return left.isSatisfied(by: facts) || right.isSatisfied(by: facts)
        case .comparison(let op, _, let left, let right) where op.isOrdering:
            // As `compare`: numbers in order, false when either side is missing (or not a number).
            guard let a = left.number(facts), let b = right.number(facts) else { return false }
            switch op {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            case .equal, .notEqual: return false  // not ordering
            }
        default:
            if case .boolean(let truth) = evaluate(facts) { return truth }
            return false
        }
    }

    /// The value of the node for `facts`.
    func evaluate(_ facts: AreaFacts) -> Value {
        switch kind {
        case .number(let value): return .number(value)
        case .string(let text): return .string(text)
        case .boolean(let truth): return .boolean(truth)
        case .list(let elements): return .list(elements.map { $0.evaluate(facts) })
        case .variable(let variable): return variable.value(in: facts)
        case .negate(let operand): return .number(operand.number(facts).map { -$0 })
        case .not(let operand): return .boolean(!operand.isSatisfied(by: facts))
        case .arithmetic(let op, _, let left, let right):
            guard let a = left.number(facts), let b = right.number(facts) else { return .number(nil) }
            switch op {
            case .add: return .number(a + b)
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide: return .number(b == 0 ? nil : a / b)
            }
        case .logical(.and, _, let left, let right):
            return .boolean(left.isSatisfied(by: facts) && right.isSatisfied(by: facts))
        case .logical(.or, _, let left, let right):
            return .boolean(left.isSatisfied(by: facts) || right.isSatisfied(by: facts))
        case .call(let function, let arguments):
            var values: [Double] = []
            for argument in arguments {
                guard let value = argument.number(facts) else { return .number(nil) }
                values.append(value)
            }
            switch function {
            case .min: return .number(values.min())
            case .max: return .number(values.max())
            case .abs: return .number(values.first.map { Swift.abs($0) })
            }
        case .comparison(let op, _, let left, let right):
            return .boolean(Self.compare(op, left.evaluate(facts), right.evaluate(facts)))
        case .membership(let negated, _, let left, let right):
            let needle = left.evaluate(facts)
            guard case .list(let haystack) = right.evaluate(facts), !needle.isMissing else { return .boolean(false) }
            let found = haystack.contains { Self.compare(.equal, needle, $0) }
            return .boolean(negated ? !found : found)
        }
    }

    private func number(_ facts: AreaFacts) -> Double? {
        switch kind {
        case .number(let value): return value
        case .variable(let variable): return variable.number(in: facts)
        default:
            if case .number(let value) = evaluate(facts) { return value }
            return nil
        }
    }

    /// A comparison of two values of one type; false when either side is missing.
    private static func compare(_ op: ComparisonOperator, _ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.number(let a?), .number(let b?)):
            switch op {
            case .equal: return a == b
            case .notEqual: return a != b
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            }
        case (.string(let a), .string(let b)):
            let same = a.unicodeScalars.elementsEqual(b.unicodeScalars)
            return op == .equal ? same : op == .notEqual ? !same : false
        case (.boolean(let a), .boolean(let b)):
            return op == .equal ? a == b : op == .notEqual ? a != b : false
        default:
            return false  // a missing number, or types the checker has ruled out
        }
    }
}

extension ExpressionNode.Value {
    /// Whether this is a missing number.
    var isMissing: Bool {
        if case .number(nil) = self { return true }
        return false
    }
}

extension Variable {
    /// The fact this name stands for when it is a number (``value(in:)``'s number); `nil` when it is
    /// missing or not a number.
    func number(in facts: AreaFacts) -> Double? {
        switch self {
        case .trendZ: facts.trendZ
        case .trendRatio: facts.trendRatio
        case .trendLatest: facts.trendLatest
        case .trendBaseline: facts.trendBaseline
        case .concernRaw: facts.concernRaw
        case .resourcesRaw: facts.resourcesRaw
        case .nTrend: facts.nTrend
        case .nConcern: facts.nConcern
        case .nResources: facts.nResources
        case .score: facts.score
        case .areaID, .areaOwners: nil
        case .signalRaw(let id): facts.signalRaw[id]
        case .signalN(let id): facts.signalN[id]
        }
    }

    /// The fact this name stands for.
    func value(in facts: AreaFacts) -> ExpressionNode.Value {
        switch self {
        case .trendZ: .number(facts.trendZ)
        case .trendRatio: .number(facts.trendRatio)
        case .trendLatest: .number(facts.trendLatest)
        case .trendBaseline: .number(facts.trendBaseline)
        case .concernRaw: .number(facts.concernRaw)
        case .resourcesRaw: .number(facts.resourcesRaw)
        case .nTrend: .number(facts.nTrend)
        case .nConcern: .number(facts.nConcern)
        case .nResources: .number(facts.nResources)
        case .score: .number(facts.score)
        case .areaID: .string(facts.areaID)
        case .areaOwners: .list(facts.owners.map { .string($0) })
        case .signalRaw(let id): .number(facts.signalRaw[id])
        case .signalN(let id): .number(facts.signalN[id])
        }
    }
}
