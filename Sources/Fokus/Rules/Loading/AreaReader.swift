/// Reads one item of `areas:`.
enum AreaReader {
    static let keys = [
        "id", "name", "description", "categories", "survey_items", "owners", "weights", "signals", "resources",
    ]

    static func read(_ node: YAMLNode, context: inout LoadContext) -> AreaDraft? {
        let itemName = LoadContext.itemName("area", node)
        guard let fields = context.fields(of: node, named: itemName, allowed: keys) else { return nil }
        let identity = context.identifier(in: fields, kind: "area", example: "trafik")
        var area = Area(
            id: identity?.id ?? "", name: identity?.id ?? "", location: fields.mark.location(in: context.file))
        var weightsLocation: SourceLocation?
        for entry in fields.entries {
            let value = entry.value
            switch entry.key {
            case "name":
                if let name = context.text(value, named: "`name`") { area.name = name }
            case "description":
                _ = context.text(value, named: "`description`")
            case "categories":
                let items = context.textList(value, named: "`categories`") ?? []
                area.categories = items.map(\.text)
                area.categoryLocations = items.map { $0.mark.location(in: context.file) }
            case "survey_items":
                area.surveyItems = context.textList(value, named: "`survey_items`")?.map(\.text) ?? []
            case "owners":
                area.owners = context.textList(value, named: "`owners`")?.map(\.text) ?? []
            case "weights":
                area.weightOverrides =
                    SettingsReader.weightEntries(value, named: "the weights of \(itemName)", context: &context) ?? [:]
                weightsLocation = value.mark.location(in: context.file)
            case "signals":
                area.signalItems = signalItems(value, itemName: itemName, context: &context)
            case "resources":
                area.resourcesScore = resourcesScore(value, context: &context)
            default:
                break
            }
        }
        guard let identity else { return nil }
        return AreaDraft(
            area: area, idLocation: identity.mark.location(in: context.file), weightsLocation: weightsLocation)
    }

    /// `signals: {medarbetare: [item, …], dialog: [item, …]}`: each key a declared signal (SPEC 4.3).
    private static func signalItems(_ node: YAMLNode, itemName: String, context: inout LoadContext)
        -> [String: [String]]
    {
        guard case .mapping(let pairs, _) = node else {
            context.error(
                DiagnosticText.signal(.areaSignalsNotAMapping(area: itemName, found: node.kindDescription)), at: node)
            return [:]
        }
        var result: [String: [String]] = [:]
        for pair in pairs {
            guard case .scalar(let key) = pair.key else {
                context.error(.signalKeyNotAnID(found: pair.key.valueKind), at: pair.key)
                continue
            }
            guard context.signalIDs.contains(key.value) else {
                context.error(
                    DiagnosticText.signal(
                        .unknownInArea(
                            signal: key.value, area: itemName,
                            suggestion: Suggestion.closest(to: key.value, among: context.signalIDs),
                            declared: context.signalIDs)),
                    at: pair.key)
                continue
            }
            if let items = context.textList(pair.value, named: "the items of `\(key.value)`") {
                result[key.value] = items.map(\.text)
            }
        }
        return result
    }

    /// `resources: {score: 0.6}`, 0…1.
    private static func resourcesScore(_ node: YAMLNode, context: inout LoadContext) -> Double? {
        let problemsBefore = context.diagnostics.count
        guard let fields = context.fields(of: node, named: "`resources`", allowed: ["score"]) else { return nil }
        guard let value = fields["score"] else {
            guard context.diagnostics.count == problemsBefore else { return nil }
            context.error(.resourcesNeedsScore, at: node)
            return nil
        }
        guard let score = context.number(value, named: "`score`") else { return nil }
        guard (0...1).contains(score) else {
            context.error(.between0And1(name: "`score`", written: value.scalarText, percentFix: nil), at: value)
            return nil
        }
        return score
    }
}
