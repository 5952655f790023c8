/// Checks the types of a parsed `when:` expression before it is ever evaluated.
///
/// Arithmetic and `min max abs` take numbers; `and or not` take conditions; `< <= > >=` compare numbers;
/// `== !=` compare two numbers, two strings or two conditions; `x in list` needs a list whose elements have
/// x's type; the whole expression must be a condition. Each error points at the offending operand, or at the
/// operator when two operands do not fit together.
struct TypeChecker {
    let source: [Character]

    /// Checks `root` and requires it to be a condition.
    func checkCondition(_ root: ExpressionNode) throws(ExpressionError) {
        let type = try check(root)
        guard type == .boolean else {
            let text = root.text(in: source)
            let example: String
            switch type {
            case .number: example = "`\(text) >= 2`"
            case .string: example = "`\(text) == 'trafik'`"
            default: example = "`'polis' in \(text)`"
            }
            throw ExpressionError(.notACondition(text: text, type: type.word, example: example), offset: root.offset)
        }
    }

    /// The type of `node`.
    func check(_ node: ExpressionNode) throws(ExpressionError) -> ValueType {
        switch node.kind {
        case .number: return .number
        case .string: return .string
        case .boolean: return .boolean
        case .variable(let variable): return variable.type
        case .list(let elements): return try listType(elements)
        case .negate(let operand):
            try require(.number, operand, .negationNeedsNumber)
            return .number
        case .not(let operand):
            try require(.boolean, operand, .notNeedsCondition)
            return .boolean
        case .arithmetic(let op, _, let left, let right):
            try require(.number, left, .arithmeticNeedsNumbers(op: op.rawValue))
            try require(.number, right, .arithmeticNeedsNumbers(op: op.rawValue))
            return .number
        case .logical(let op, _, let left, let right):
            let needs = DiagnosticText.ExpressionRequirement.logicalJoinsConditions(op: op.rawValue)
            try require(.boolean, left, needs)
            try require(.boolean, right, needs)
            return .boolean
        case .call(let function, let arguments):
            for argument in arguments { try require(.number, argument, .functionNeedsNumbers(name: function.rawValue)) }
            return .number
        case .comparison(let op, let at, let left, let right):
            try checkComparison(op, at: at, left, right)
            return .boolean
        case .membership(let negated, let at, let left, let right):
            try checkMembership(negated: negated, at: at, left, right)
            return .boolean
        }
    }

    private func listType(_ elements: [ExpressionNode]) throws(ExpressionError) -> ValueType {
        guard let first = elements.first else { return .list(of: nil) }
        let elementType = try check(first)
        for element in elements.dropFirst() {
            let type = try check(element)
            if type != elementType {
                throw ExpressionError(
                    .mixedList(element: element.text(in: source), type: type.word, first: elementType.word), offset: element.offset)
            }
        }
        return .list(of: elementType)
    }

    private func checkComparison(
        _ op: ComparisonOperator, at: Int, _ left: ExpressionNode, _ right: ExpressionNode
    ) throws(ExpressionError) {
        if op.isOrdering {
            try require(.number, left, .orderingComparesNumbers(op: op.rawValue))
            try require(.number, right, .orderingComparesNumbers(op: op.rawValue))
            return
        }
        let leftType = try check(left)
        let rightType = try check(right)
        for (node, type) in [(left, leftType), (right, rightType)] {
            if case .list = type {
                throw ExpressionError(
                    .cannotCompareLists(op: op.rawValue, text: node.text(in: source), type: type.word), offset: node.offset)
            }
        }
        if leftType != rightType {
            throw ExpressionError(
                .differentTypes(
                    op: op.rawValue, left: left.text(in: source), leftType: leftType.word, right: right.text(in: source),
                    rightType: rightType.word),
                offset: at)
        }
    }

    private func checkMembership(
        negated: Bool, at: Int, _ left: ExpressionNode, _ right: ExpressionNode
    ) throws(ExpressionError) {
        let leftType = try check(left)
        let rightType = try check(right)
        if case .list = leftType {
            throw ExpressionError(
                .membershipOfList(negated: negated, text: left.text(in: source), type: leftType.word), offset: left.offset)
        }
        guard case .list(let elementType) = rightType else {
            throw ExpressionError(
                .membershipNeedsList(negated: negated, text: right.text(in: source), type: rightType.word), offset: right.offset)
        }
        if let elementType, elementType != leftType {
            throw ExpressionError(
                .membershipElementType(
                    left: left.text(in: source), leftType: leftType.word, right: right.text(in: source),
                    elementType: elementType.word),
                offset: at)
        }
    }

    /// Throws at `node` unless it has type `expected`; `needs` opens the message.
    private func require(
        _ expected: ValueType, _ node: ExpressionNode, _ needs: DiagnosticText.ExpressionRequirement
    ) throws(ExpressionError) {
        let type = try check(node)
        guard type != expected else { return }
        throw ExpressionError(
            .wrongType(needs, text: node.text(in: source), type: type.word, suggestCompare: expected == .boolean && type == .number),
            offset: node.offset)
    }
}
