/// Reads one rule file's YAML tree into a ``RuleFileContent``, recording every problem in the context.
enum RuleFileReader {
    /// The top-level keys, in the order the documentation lists them.
    static let topLevelKeys = [
        "fokus", "name", "description", "scope", "period", "trend", "weights", "missing", "select", "concern",
        "sensitivity", "signals", "lang", "areas", "measures", "rules",
    ]

    /// Keys that describe the file itself and may appear in every file of a folder.
    static let perFileKeys: Set<String> = ["fokus", "description"]

    /// Reads `root` (the parsed document, `nil` when the file is empty).
    static func read(_ root: YAMLNode?, context: inout LoadContext) -> RuleFileContent {
        var content = RuleFileContent(file: context.file)
        guard let root else {
            content.listsAreas = true
            context.diagnostics.append(
                .error(
                    DiagnosticText.ruleFile(.emptyFile), at: SourceLocation(file: context.file, line: 1, column: 1)))
            return content
        }
        guard case .mapping = root else {
            content.listsAreas = true
            context.error(.notAMapping(found: root.valueKind), at: root)
            return content
        }
        guard let fields = context.fields(of: root, named: "the rule file", allowed: topLevelKeys, topLevel: true)
        else { return content }
        for entry in fields.entries {
            if !["areas", "measures", "rules"].contains(entry.key), !perFileKeys.contains(entry.key) {
                content.settingKeys.append((entry.key, entry.keyNode.mark.location(in: context.file)))
            }
            read(entry, into: &content, context: &context)
        }
        return content
    }

    private static func read(_ entry: Fields.Entry, into content: inout RuleFileContent, context: inout LoadContext) {
        let value = entry.value
        switch entry.key {
        case "fokus":
            if let version = context.wholeNumber(value, named: "`fokus`"), version != 1 {
                context.error(.formatVersion(version: version), at: value)
            }
        case "name":
            content.settings.name = context.text(value, named: "`name`")
        case "description":
            _ = context.text(value, named: "`description`")
        case "scope":
            content.settings.scope = context.text(value, named: "`scope`")
        case "period":
            if let period = SettingsReader.period(value, context: &context) { content.settings.period = period }
        case "trend":
            if let trend = SettingsReader.trend(value, context: &context) { content.settings.trend = trend }
        case "weights":
            if let weights = SettingsReader.globalWeights(value, key: entry.keyNode, context: &context) {
                content.settings.weights = weights
            }
        case "missing":
            if let policy = context.choice(value, named: "`missing`", as: MissingPolicy.self) {
                content.settings.missing = policy
            }
        case "select":
            if let selection = SettingsReader.selection(value, context: &context) {
                content.settings.selection = selection
            }
        case "concern":
            if let aggregate = SettingsReader.concernAggregate(value, context: &context) {
                content.settings.concernAggregate = aggregate
            }
        case "sensitivity":
            if let sensitivity = SettingsReader.sensitivity(value, context: &context) {
                content.settings.sensitivity = sensitivity
            }
        case "lang":
            if let language = context.choice(value, named: "`lang`", as: ReportLanguage.self) {
                content.settings.language = language
            }
        case "signals":
            let items = list(value, named: "`signals`", example: "- id: medarbetare", context: &context)
            content.settings.signals = items.compactMap { SignalReader.read($0, context: &context) }
        case "areas":
            let items = list(value, named: "`areas`", example: "- id: trafik", context: &context)
            content.listsAreas = content.listsAreas || !items.isEmpty
            content.areasKeyLocation = entry.keyNode.mark.location(in: context.file)
            content.areas += items.compactMap { AreaReader.read($0, context: &context) }
        case "measures":
            let items = list(value, named: "`measures`", example: "- id: seniorinfo", context: &context)
            content.measures += items.compactMap { MeasureReader.read($0, context: &context) }
        case "rules":
            let items = list(value, named: "`rules`", example: "- id: sharp-rise", context: &context)
            content.rules += items.compactMap { RuleReader.read($0, context: &context) }
        default:
            break
        }
    }

    /// The items of a list of mappings (an empty value is an empty list).
    private static func list(_ node: YAMLNode, named name: String, example: String, context: inout LoadContext)
        -> [YAMLNode]
    {
        switch node {
        case .sequence(let items, _):
            return items
        case .scalar(let scalar) where scalar.isNull:
            return []
        default:
            context.error(.notAListOfItems(name: name, example: example, found: node.valueKind), at: node)
            return []
        }
    }
}
