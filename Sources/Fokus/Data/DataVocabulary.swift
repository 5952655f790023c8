/// Every name the data uses, over all files, scopes and periods: crime categories (and event types),
/// survey items per source, and the sources themselves. Finds the names in a rule set that match
/// nothing, with the closest names that do.
struct DataVocabulary: Sendable {
    /// Category keys, with their display names.
    private(set) var categories: [NameKey: String] = [:]
    /// Item keys per source, with their display names.
    private(set) var items: [NameKey: [NameKey: String]] = [:]

    init(_ dataset: Dataset) {
        for crime in dataset.crime.values {
            for counts in crime.counts.values {
                for key in counts.keys where categories[key] == nil { categories[key] = dataset.displayName(key) }
            }
            for counts in crime.yearToDate.values {
                for key in counts.keys where categories[key] == nil { categories[key] = dataset.displayName(key) }
            }
        }
        for (source, table) in dataset.surveySources {
            var names: [NameKey: String] = [:]
            for periods in table.shares.values {
                for shares in periods.values {
                    for key in shares.keys where names[key] == nil { names[key] = dataset.displayName(key) }
                }
            }
            items[source] = names
        }
    }

    /// Per area whose categories (or survey items, or items for one signal) all match nothing in the data:
    /// those names, with the closest names that occur (one notice per area); and each signal whose source
    /// has no rows at all. Survey items are checked only when the data has survey rows, categories only
    /// when it has crime rows.
    func unmatched(in rules: RuleSet) -> [EvaluationNotice] {
        var notices: [EvaluationNotice] = []
        let surveyItems = items[SurveyTable.defaultSource]
        for area in rules.areas {
            var names: [UnmatchedName] = []
            if !categories.isEmpty {
                names += Self.unmatched(area.categories, in: categories, kind: .category)
            }
            if let surveyItems {
                names += Self.unmatched(area.surveyItems, in: surveyItems, kind: .surveyItem)
            }
            for signal in rules.signals {
                guard let known = items[signal.sourceKey] else { continue }
                names += Self.unmatched(area.signalItems[signal.id] ?? [], in: known, kind: .signalItem)
            }
            if !names.isEmpty { notices.append(.unmatchedNames(area: area.id, names: names)) }
        }
        for signal in rules.signals where items[signal.sourceKey] == nil {
            notices.append(.signalWithoutData(signal: signal.id, source: signal.source))
        }
        return notices
    }

    private static func unmatched(_ wanted: [String], in known: [NameKey: String], kind: UnmatchedName.Kind)
        -> [UnmatchedName]
    {
        guard !wanted.contains(where: { known[NameKey($0)] != nil }) else { return [] }
        let candidates = known.values.sorted { $0.precedesByCodePoint($1) }
        var seen = Set<NameKey>()
        return wanted.compactMap { name in
            let key = NameKey(name)
            guard seen.insert(key).inserted else { return nil }
            return UnmatchedName(kind: kind, name: name, suggestion: Suggestion.closest(to: name, among: candidates))
        }
    }
}
