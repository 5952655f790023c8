/// Reads one item of `rules:`, parsing its `when:` condition.
enum RuleReader {
    static let keys = ["id", "description", "when", "then", "reason"]
    static let actionKeys = ["boost", "scale", "include", "exclude", "note"]

    static func read(_ node: YAMLNode, context: inout LoadContext) -> RuleDraft? {
        let itemName = LoadContext.itemName("rule", node)
        guard let fields = context.fields(of: node, named: itemName, allowed: keys) else { return nil }
        let identity = context.identifier(in: fields, kind: "rule", example: "sharp-rise")
        var rule = Rule(id: identity?.id ?? "", actions: [], location: fields.mark.location(in: context.file))
        for entry in fields.entries {
            let value = entry.value
            switch entry.key {
            case "description":
                _ = context.text(value, named: "`description`")
            case "when":
                rule.condition = condition(value, context: &context)
            case "then":
                rule.actions = actions(value, ruleName: itemName, context: &context)
            case "reason":
                rule.reason = context.text(value, named: "`reason`")
            default:
                break
            }
        }
        if fields["then"] == nil {
            context.error(.noThen(item: itemName), at: fields.mark)
        }
        guard let identity else { return nil }
        return RuleDraft(rule: rule, idLocation: identity.mark.location(in: context.file))
    }

    /// Parses `when:`, reporting an expression error at its column inside the YAML.
    private static func condition(_ node: YAMLNode, context: inout LoadContext) -> Expression? {
        guard let text = context.text(node, named: "`when`"), case .scalar(let scalar) = node else { return nil }
        do {
            return try Expression.parse(text, signals: context.signalIDs)
        } catch {
            let mark = expressionMark(scalar, offset: error.offset)
            if let problem = error.problem {
                context.error(DiagnosticText.expression(problem, place: .when), at: mark)
            } else {
                context.error("in `when`: \(error.message)", at: mark)
            }
            return nil
        }
    }

    /// Where character `offset` of a scalar's value is in the file.
    ///
    /// Exact for a plain or quoted scalar on one line whose text is as written (no escapes or folding);
    /// otherwise the scalar's start.
    static func expressionMark(_ scalar: YAMLScalar, offset: Int) -> YAMLMark {
        guard scalar.mark.line == scalar.endMark.line, offset >= 0 else { return scalar.mark }
        let written = scalar.endMark.column - scalar.mark.column
        let length = scalar.value.unicodeScalars.count
        let quote: Int
        switch scalar.style {
        case .plain where written == length: quote = 0
        case .singleQuoted where written == length + 2, .doubleQuoted where written == length + 2: quote = 1
        default: return scalar.mark
        }
        let scalarsBefore = scalar.value.prefix(offset).unicodeScalars.count
        return YAMLMark(line: scalar.mark.line, column: scalar.mark.column + quote + scalarsBefore)
    }

    /// `then:` actions in the order written.
    private static func actions(_ node: YAMLNode, ruleName: String, context: inout LoadContext) -> [RuleAction] {
        guard let fields = context.fields(of: node, named: "`then` of \(ruleName)", allowed: actionKeys) else {
            return []
        }
        var actions: [RuleAction] = []
        for entry in fields.entries {
            let value = entry.value
            switch entry.key {
            case "boost":
                if let amount = context.number(value, named: "`boost`", in: RuleLimits.ruleAction) {
                    actions.append(.boost(amount))
                }
            case "scale":
                if let factor = context.number(value, named: "`scale`", in: RuleLimits.ruleAction) {
                    actions.append(.scale(factor))
                }
            case "include", "exclude":
                guard let flag = context.boolean(value, named: "`\(entry.key)`") else { continue }
                if flag {
                    actions.append(entry.key == "include" ? .include : .exclude)
                } else {
                    context.error(.actionOnlyTrue(action: entry.key), at: value)
                }
            case "note":
                if let note = context.text(value, named: "`note`") { actions.append(.note(note)) }
            default:
                break
            }
        }
        if case .mapping(let pairs, _) = node, pairs.isEmpty {
            context.error(.emptyThen, at: node)
        }
        return actions
    }
}
