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
            throw ExpressionError(
                message: "`\(text)` is \(type.phrase); a condition must be true or false, e.g. \(example)",
                offset: root.offset)
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
            try require(.number, operand, "`-` needs a number")
            return .number
        case .not(let operand):
            try require(.boolean, operand, "`not` needs a condition")
            return .boolean
        case .arithmetic(let op, _, let left, let right):
            try require(.number, left, "`\(op.rawValue)` needs numbers")
            try require(.number, right, "`\(op.rawValue)` needs numbers")
            return .number
        case .logical(let op, _, let left, let right):
            let needs = "`\(op.rawValue)` joins conditions"
            try require(.boolean, left, needs)
            try require(.boolean, right, needs)
            return .boolean
        case .call(let function, let arguments):
            for argument in arguments { try require(.number, argument, "`\(function.rawValue)` needs numbers") }
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
                    message: "a list holds values of one type: `\(element.text(in: source))` is \(type.phrase), "
                        + "but the list starts with \(elementType.plural)",
                    offset: element.offset)
            }
        }
        return .list(of: elementType)
    }

    private func checkComparison(
        _ op: ComparisonOperator, at: Int, _ left: ExpressionNode, _ right: ExpressionNode
    ) throws(ExpressionError) {
        if op.isOrdering {
            try require(.number, left, "`\(op.rawValue)` compares numbers")
            try require(.number, right, "`\(op.rawValue)` compares numbers")
            return
        }
        let leftType = try check(left)
        let rightType = try check(right)
        for (node, type) in [(left, leftType), (right, rightType)] {
            if case .list = type {
                throw ExpressionError(
                    message: "`\(op.rawValue)` cannot compare lists (`\(node.text(in: source))` is \(type.phrase)); "
                        + "use `in` to test membership, e.g. `'polis' in area.owners`",
                    offset: node.offset)
            }
        }
        if leftType != rightType {
            throw ExpressionError(
                message: "`\(op.rawValue)` compares values of the same type, but `\(left.text(in: source))` is "
                    + "\(leftType.phrase) and `\(right.text(in: source))` is \(rightType.phrase)",
                offset: at)
        }
    }

    private func checkMembership(
        negated: Bool, at: Int, _ left: ExpressionNode, _ right: ExpressionNode
    ) throws(ExpressionError) {
        let name = negated ? "`not in`" : "`in`"
        let leftType = try check(left)
        let rightType = try check(right)
        if case .list = leftType {
            throw ExpressionError(
                message: "\(name) tests one value, but `\(left.text(in: source))` is \(leftType.phrase)",
                offset: left.offset)
        }
        guard case .list(let elementType) = rightType else {
            throw ExpressionError(
                message: "\(name) needs a list on its right, e.g. `area.id in ['a', 'b']`, but "
                    + "`\(right.text(in: source))` is \(rightType.phrase)",
                offset: right.offset)
        }
        if let elementType, elementType != leftType {
            throw ExpressionError(
                message: "`\(left.text(in: source))` is \(leftType.phrase), but `\(right.text(in: source))` holds "
                    + elementType.plural,
                offset: at)
        }
    }

    /// Throws at `node` unless it has type `expected`; `needs` opens the message.
    private func require(_ expected: ValueType, _ node: ExpressionNode, _ needs: String) throws(ExpressionError) {
        let type = try check(node)
        guard type != expected else { return }
        var message = "\(needs), but `\(node.text(in: source))` is \(type.phrase)"
        if expected == .boolean, type == .number {
            message += "; compare it, e.g. `\(node.text(in: source)) >= 2`"
        }
        throw ExpressionError(message: message, offset: node.offset)
    }
}
