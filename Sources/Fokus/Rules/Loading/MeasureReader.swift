/// Reads one item of `measures:`.
enum MeasureReader {
    static let keys = ["id", "name", "description", "addresses", "cost", "effect", "evidence"]

    static func read(_ node: YAMLNode, context: inout LoadContext) -> MeasureDraft? {
        let itemName = LoadContext.itemName("measure", node)
        guard let fields = context.fields(of: node, named: itemName, allowed: keys) else { return nil }
        let identity = context.identifier(in: fields, kind: "measure", example: "seniorinfo")
        var measure = Measure(
            id: identity?.id ?? "", name: identity?.id ?? "", addresses: [], effect: 0,
            location: fields.mark.location(in: context.file))
        var addressLocations: [SourceLocation] = []
        for entry in fields.entries {
            let value = entry.value
            switch entry.key {
            case "name":
                if let name = context.text(value, named: "`name`") { measure.name = name }
            case "description":
                _ = context.text(value, named: "`description`")
            case "addresses":
                let items = context.textList(value, named: "`addresses`") ?? []
                measure.addresses = items.map(\.text)
                addressLocations = items.map { $0.mark.location(in: context.file) }
                if case .sequence(let list, _) = value, list.isEmpty {
                    context.error(
                        "`addresses` is empty; list the ids of the areas \(itemName) helps, such as [trafik]",
                        at: value)
                }
            case "cost":
                measure.cost = cost(value, context: &context)
            case "effect":
                if let effect = self.effect(value, context: &context) { measure.effect = effect }
            case "evidence":
                if let grade = context.choice(value, named: "`evidence`", as: EvidenceGrade.self) {
                    measure.evidence = grade
                }
            default:
                break
            }
        }
        if fields["addresses"] == nil {
            context.error(
                "\(itemName) has no `addresses`; list the ids of the areas it helps, such as `addresses: [trafik]`",
                at: fields.mark)
        }
        if fields["effect"] == nil {
            context.error(
                "\(itemName) has no `effect`; add its expected effect between 0 and 1, such as `effect: 0.3`",
                at: fields.mark)
        }
        guard let identity else { return nil }
        return MeasureDraft(
            measure: measure, idLocation: identity.mark.location(in: context.file),
            addressLocations: addressLocations)
    }

    /// `cost: {resource: amount, …}`, each amount a number ≥ 0, in the order written.
    private static func cost(_ node: YAMLNode, context: inout LoadContext) -> [ResourceCost] {
        guard case .mapping(let pairs, _) = node else {
            context.error(
                "`cost` must be a mapping of resource and amount, such as `cost: {kommun_timmar: 40}`, "
                    + "not \(node.kindDescription)",
                at: node)
            return []
        }
        var costs: [ResourceCost] = []
        for pair in pairs where !context.overIndentedKeys.contains(pair.key.mark) {
            guard let resource = context.text(pair.key, named: "a resource name in `cost`"),
                let amount = context.number(pair.value, named: "the cost of \"\(resource)\"", in: RuleLimits.amount)
            else { continue }
            costs.append(ResourceCost(resource: resource, amount: amount))
        }
        return costs
    }

    /// `effect`, 0…1 (a percentage gets a hint).
    private static func effect(_ node: YAMLNode, context: inout LoadContext) -> Double? {
        guard let effect = context.number(node, named: "`effect`") else { return nil }
        guard (0...1).contains(effect) else {
            var message = "`effect` must be between 0 and 1, not \(node.scalarText)"
            if effect > 1, effect <= 100 {
                message += "; for \(node.scalarText) %, write \(NumberText.compact(effect / 100, decimals: 6))"
            }
            context.error(message, at: node)
            return nil
        }
        return effect
    }
}
