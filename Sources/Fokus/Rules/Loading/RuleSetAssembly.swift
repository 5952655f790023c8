/// Combines the files of a rule set into one ``RuleSet`` and runs the checks that span files:
/// settings given twice, duplicate ids, measures addressing unknown areas, per-area weights that
/// leave nothing, and a rule set without areas.
enum RuleSetAssembly {
    /// - Parameters:
    ///   - contents: what each file contributed, in reading order.
    ///   - root: the file or folder the rule set was loaded from (for problems with no better place).
    ///   - checkAcrossFiles: whether to check what one file refers to in another (measures' `addresses`);
    ///     `false` when a file could not be read, whose ids would all look unknown.
    ///   - diagnostics: receives every problem found.
    static func assemble(
        _ contents: [RuleFileContent], root: String, checkAcrossFiles: Bool = true, diagnostics: inout [Diagnostic]
    ) -> RuleSet {
        var ruleSet = RuleSet()
        ruleSet.files = contents.map(\.file)
        mergeSettings(contents, into: &ruleSet, diagnostics: &diagnostics)
        let signals = unique(
            ruleSet.signals, kind: "signal", id: \.id, at: \.locationOrUnknown, diagnostics: &diagnostics)
        ruleSet.signals = signals
        ruleSet.weights = ruleSet.weights.aligned(to: signals.map(\.id))

        let areas = unique(
            contents.flatMap(\.areas), kind: "area", id: \.area.id, at: \.idLocation,
            diagnostics: &diagnostics)
        let measures = unique(
            contents.flatMap(\.measures), kind: "measure", id: \.measure.id, at: \.idLocation,
            diagnostics: &diagnostics)
        let rules = unique(
            contents.flatMap(\.rules), kind: "rule", id: \.rule.id, at: \.idLocation,
            diagnostics: &diagnostics)
        ruleSet.areas = areas.map(\.area)
        ruleSet.measures = measures.map(\.measure)
        ruleSet.rules = rules.map(\.rule)

        if checkAcrossFiles {
            checkAddresses(measures, areaIDs: ruleSet.areas.map(\.id), diagnostics: &diagnostics)
        }
        checkAreaWeights(areas, global: ruleSet.weights, diagnostics: &diagnostics)
        checkSignalWeights(ruleSet, diagnostics: &diagnostics)
        if !contents.contains(where: \.listsAreas) {
            let place = contents.lazy.compactMap(\.areasKeyLocation).first
            diagnostics.append(
                .error(
                    DiagnosticText.ruleFile(.noAreas),
                    at: place ?? SourceLocation(file: contents.count == 1 ? contents[0].file : root)))
        }
        return ruleSet
    }

    /// Takes each top-level setting from the one file that gives it; a second file giving it is an error.
    private static func mergeSettings(
        _ contents: [RuleFileContent], into ruleSet: inout RuleSet, diagnostics: inout [Diagnostic]
    ) {
        var firstPlace: [String: SourceLocation] = [:]
        for content in contents {
            for (key, location) in content.settingKeys {
                if let first = firstPlace[key] {
                    diagnostics.append(
                        .error(DiagnosticText.ruleFile(.settingTwice(key: key, first: first)), at: location, related: first))
                    continue
                }
                firstPlace[key] = location
                apply(key, from: content.settings, to: &ruleSet)
            }
        }
    }

    private static func apply(_ key: String, from source: RuleSet, to target: inout RuleSet) {
        switch key {
        case "name": target.name = source.name
        case "scope": target.scope = source.scope
        case "period": target.period = source.period
        case "trend": target.trend = source.trend
        case "weights": target.weights = source.weights
        case "missing": target.missing = source.missing
        case "select": target.selection = source.selection
        case "concern": target.concernAggregate = source.concernAggregate
        case "sensitivity": target.sensitivity = source.sensitivity
        case "signals": target.signals = source.signals
        case "lang": target.language = source.language
        default: break
        }
    }

    /// The items whose id was not used before; each repeat is an error naming the first.
    private static func unique<Item>(
        _ items: [Item], kind: String, id: KeyPath<Item, String>, at location: KeyPath<Item, SourceLocation>,
        diagnostics: inout [Diagnostic]
    ) -> [Item] {
        var first: [String: SourceLocation] = [:]
        var result: [Item] = []
        for item in items {
            let itemID = item[keyPath: id]
            let place = item[keyPath: location]
            if let earlier = first[itemID] {
                diagnostics.append(
                    {
                        var duplicate = Diagnostic.error(
                            DiagnosticText.duplicateID(
                                kind: kind, id: itemID, earlier: earlier, sameFile: earlier.file == place.file),
                            at: place)
                        duplicate.related = earlier
                        return duplicate
                    }())
                continue
            }
            first[itemID] = place
            result.append(item)
        }
        return result
    }

    /// Every id in a measure's `addresses` must name an area.
    private static func checkAddresses(_ measures: [MeasureDraft], areaIDs: [String], diagnostics: inout [Diagnostic]) {
        let known = Set(areaIDs)
        for draft in measures {
            for (id, location) in zip(draft.measure.addresses, draft.addressLocations) where !known.contains(id) {
                let match = Suggestion.closest(to: id, among: areaIDs)
                let listed = match == nil && !areaIDs.isEmpty && areaIDs.count <= 12 ? areaIDs : []
                diagnostics.append(
                    .error(
                        DiagnosticText.unknownAddress(measure: draft.measure.id, id: id, suggestion: match, areas: listed),
                        at: location))
            }
        }
    }

    /// An area's weights after its overrides (SPEC 4.1) must not all be 0.
    private static func checkAreaWeights(_ areas: [AreaDraft], global: FactorWeights, diagnostics: inout [Diagnostic]) {
        guard let normalised = global.normalised() else { return }
        for draft in areas where !draft.area.weightOverrides.isEmpty {
            var weights = normalised
            for (factor, weight) in draft.area.weightOverrides { weights[factor] = weight }
            if weights.sum <= 0 {
                diagnostics.append(
                    .error(
                        DiagnosticText.areaWeighsNothing(area: draft.area.id),
                        at: draft.weightsLocation ?? draft.idLocation))
            }
        }
    }

    /// A declared signal that weighs 0 globally and in every area counts for nothing: say so.
    private static func checkSignalWeights(_ ruleSet: RuleSet, diagnostics: inout [Diagnostic]) {
        for signal in ruleSet.signals {
            let factor = Factor.signal(signal.id)
            let weighed =
                ruleSet.weights[factor] > 0
                || ruleSet.areas.contains { ($0.weightOverrides[factor] ?? 0) > 0 }
            guard !weighed else { continue }
            diagnostics.append(
                .warning(DiagnosticText.signalWeighsNothing(signal: signal.id), at: signal.locationOrUnknown))
        }
    }

    /// `line 3, column 9` within `file`, the full `file:line:column` elsewhere.
    static func describe(_ location: SourceLocation, from file: String) -> String {
        LoadContext(file: file).describe(location)
    }
}
