/// Why a `when:` condition holds or not for one area, part by part (`fokus explain`, `fokus eval-expr`).
///
/// The trace walks the condition's `and`, `or` and `not` and stops at each comparison or `in`, which it
/// evaluates with the evaluator itself (``ExpressionNode/evaluate(_:)``, so every name the language knows
/// is resolved the one way the rules see it). For a comparison that is false it says by how much: `2,30 ≥ 3`
/// is 0,70 under. Every part is evaluated, also those `and`/`or` would skip, so that a rule that did not
/// fire shows all it missed, not only the first.
package struct ConditionTrace: Sendable, Hashable {
    /// The condition as written.
    package var source: String
    /// Whether the whole condition holds (as the evaluator decides it).
    package var holds: Bool
    /// The parts.
    package var root: Part

    /// One part of a condition.
    package indirect enum Part: Sendable, Hashable {
        /// `a and b and …`: holds when every part does.
        case all([Part], holds: Bool)
        /// `a or b or …`: holds when any part does.
        case any([Part], holds: Bool)
        /// `not (…)`.
        case not(Part, holds: Bool)
        /// A comparison (`trend.z >= 2`).
        case comparison(Comparison)
        /// `x in [...]` or `x not in [...]`.
        case membership(Membership)
        /// Anything else that is true or false (`true`, `false`).
        case other(text: String, holds: Bool)

        /// Whether the part holds.
        package var holds: Bool {
            switch self {
            case .all(_, let holds), .any(_, let holds), .not(_, let holds), .other(_, let holds): holds
            case .comparison(let c): c.holds
            case .membership(let m): m.holds
            }
        }

        /// The comparisons and `in` tests that are false, left to right (the "near misses").
        package var failedLeaves: [Part] {
            switch self {
            case .all(let parts, _), .any(let parts, _): parts.flatMap(\.failedLeaves)
            case .not(let inner, let holds): holds ? [] : [.not(inner, holds: holds)]
            case .comparison, .membership, .other: holds ? [] : [self]
            }
        }
    }

    /// One side of a comparison: its text, its value, and whether it is written as a literal.
    package struct Side: Sendable, Hashable {
        /// The side as written (`trend.z`, `0.3`, `min(n.trend, n.concern)`).
        package var text: String
        /// Its value for the area.
        package var value: Value
        /// Whether it is a literal (`2`, `'trafik'`, `['a', 'b']`): its value is then not repeated.
        package var isLiteral: Bool
    }

    /// A value in a trace.
    package indirect enum Value: Sendable, Hashable {
        /// A number; `nil` when missing.
        case number(Double?)
        case string(String)
        case boolean(Bool)
        case list([Value])

        /// Whether this is a missing number.
        package var isMissing: Bool { self == .number(nil) }
    }

    /// A comparison and, when it is false, how far off it is.
    package struct Comparison: Sendable, Hashable {
        package var left: Side
        /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
        package var op: String
        package var right: Side
        package var holds: Bool
        /// How far off a false comparison is; `nil` when it holds.
        package var gap: Gap?
    }

    /// How far a false comparison is from holding.
    package enum Gap: Sendable, Hashable {
        /// The left side is this much too low (`>=`, `>`).
        case under(Double)
        /// The left side is this much too high (`<=`, `<`).
        case over(Double)
        /// The sides differ by this much (`==`).
        case differs(Double)
        /// The sides are equal (`!=`, or a strict `<`/`>` between equal numbers).
        case equal
        /// A side has no value, so the comparison is false whatever the other is.
        case missing
        /// The sides differ (strings or true/false with `==`).
        case different
    }

    /// `x in list` or `x not in list`.
    package struct Membership: Sendable, Hashable {
        package var left: Side
        package var negated: Bool
        package var right: Side
        package var holds: Bool
    }
}

extension Expression {
    /// The condition evaluated part by part for `facts`, with how far each false comparison is from holding.
    package func trace(_ facts: AreaFacts) -> ConditionTrace {
        let characters = Array(source)
        return ConditionTrace(
            source: source, holds: isSatisfied(by: facts), root: root.tracePart(facts, source: characters))
    }
}

extension ExpressionNode {
    /// The trace of a condition node.
    func tracePart(_ facts: AreaFacts, source: [Character]) -> ConditionTrace.Part {
        switch kind {
        case .logical(let op, _, _, _):
            let parts = operands(of: op).map { $0.tracePart(facts, source: source) }
            let holds = isSatisfied(by: facts)
            return op == .and ? .all(parts, holds: holds) : .any(parts, holds: holds)
        case .not(let operand):
            return .not(operand.tracePart(facts, source: source), holds: isSatisfied(by: facts))
        case .comparison(let op, _, let left, let right):
            let l = left.traceSide(facts, source: source)
            let r = right.traceSide(facts, source: source)
            let holds = isSatisfied(by: facts)
            return .comparison(
                ConditionTrace.Comparison(
                    left: l, op: op.rawValue, right: r, holds: holds,
                    gap: holds ? nil : Self.gap(op, l.value, r.value)))
        case .membership(let negated, _, let left, let right):
            return .membership(
                ConditionTrace.Membership(
                    left: left.traceSide(facts, source: source), negated: negated,
                    right: right.traceSide(facts, source: source), holds: isSatisfied(by: facts)))
        default:
            return .other(text: text(in: source), holds: isSatisfied(by: facts))
        }
    }

    /// The operands of a chain of one logical operator, flattened (`a and b and c` → `[a, b, c]`), unless
    /// parenthesised differently in a way that changes nothing (`and` is associative, so it never does).
    private func operands(of op: LogicalOperator) -> [ExpressionNode] {
        guard case .logical(let own, _, let left, let right) = kind, own == op else { return [self] }
        return left.operands(of: op) + right.operands(of: op)
    }

    private func traceSide(_ facts: AreaFacts, source: [Character]) -> ConditionTrace.Side {
        ConditionTrace.Side(
            text: text(in: source).trimmingSpaces(), value: ConditionTrace.Value(evaluate(facts)),
            isLiteral: isLiteral)
    }

    private var isLiteral: Bool {
        switch kind {
        case .number, .string, .boolean, .list: true
        case .negate(let operand): operand.isLiteral
        default: false
        }
    }

    private static func gap(_ op: ComparisonOperator, _ left: ConditionTrace.Value, _ right: ConditionTrace.Value)
        -> ConditionTrace.Gap
    {
        guard case .number(let a) = left, case .number(let b) = right else { return .different }
        guard let a, let b else { return .missing }
        switch op {
        case .greaterOrEqual, .greater: return a == b ? .equal : .under(b - a)
        case .lessOrEqual, .less: return a == b ? .equal : .over(a - b)
        case .equal: return .differs(Swift.abs(a - b))
        case .notEqual: return .equal
        }
    }
}

extension ConditionTrace.Value {
    init(_ value: ExpressionNode.Value) {
        switch value {
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .boolean(let truth): self = .boolean(truth)
        case .list(let elements): self = .list(elements.map(ConditionTrace.Value.init))
        }
    }
}
