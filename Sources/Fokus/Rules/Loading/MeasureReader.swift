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
                    context.error(.addressesEmpty(item: itemName), at: value)
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
            context.error(.noAddresses(item: itemName), at: fields.mark)
        }
        if fields["effect"] == nil {
            context.error(.noEffect(item: itemName), at: fields.mark)
        }
        guard let identity else { return nil }
        return MeasureDraft(
            measure: measure, idLocation: identity.mark.location(in: context.file),
            addressLocations: addressLocations)
    }

    /// `cost: {resource: amount, …}`, each amount a number ≥ 0, in the order written.
    private static func cost(_ node: YAMLNode, context: inout LoadContext) -> [ResourceCost] {
        guard case .mapping(let pairs, _) = node else {
            context.error(.costNotAMapping(found: node.valueKind), at: node)
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
            let fix = effect > 1 && effect <= 100 ? NumberText.compact(effect / 100, decimals: 6) : nil
            context.error(.between0And1(name: "`effect`", written: node.scalarText, percentFix: fix), at: node)
            return nil
        }
        return effect
    }
}
