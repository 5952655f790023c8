/// Every name the data uses, over all files, scopes and periods: crime categories (and event types),
/// survey items per source, and the sources themselves. Finds the names in a rule set that match
/// nothing, with the closest names that do.
///
/// Crime categories are looked up where they occur rather than listed: a national dataset holds hundreds
/// of thousands of (scope, month, category) cells, and a rule set's categories are usually found in the
/// first few. The full list is made only when some area's categories all match nothing, for the
/// suggestions.
struct DataVocabulary: Sendable {
    private let crime: [NameKey: Dataset.ScopeCrime]
    private let displayNames: [NameKey: String]
    /// Item keys per source, with their display names.
    private(set) var items: [NameKey: [NameKey: String]] = [:]

    init(_ dataset: Dataset) {
        crime = dataset.crime
        displayNames = dataset.displayNames
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

    /// Each scope's count tables: by period, then year-to-date spans.
    private var countTables: some Sequence<[NameKey: Int]> {
        crime.values.lazy.flatMap { Array($0.counts.values) + Array($0.yearToDate.values) }
    }

    /// Which of `wanted` occur as a crime category anywhere in the data (a count of 0 too).
    func occurringCategories(among wanted: Set<NameKey>) -> Set<NameKey> {
        var missing = wanted
        for counts in countTables {
            if missing.isEmpty { break }
            missing = missing.filter { counts[$0] == nil }
        }
        return wanted.subtracting(missing)
    }

    /// Every crime category with its display name.
    func allCategories() -> [NameKey: String] {
        var categories: [NameKey: String] = [:]
        for counts in countTables {
            for key in counts.keys where categories[key] == nil { categories[key] = displayNames[key] ?? key.folded }
        }
        return categories
    }

    /// Per area whose categories (or survey items, or items for one signal) all match nothing in the data:
    /// those names, with the closest names that occur (one notice per area); and each signal whose source
    /// has no rows at all. Survey items are checked only when the data has survey rows, categories only
    /// when it has crime rows.
    func unmatched(in rules: RuleSet) -> [EvaluationNotice] {
        var notices: [EvaluationNotice] = []
        let surveyItems = items[SurveyTable.defaultSource]
        let hasCategories = countTables.contains { !$0.isEmpty }
        let occurring = occurringCategories(among: Set(rules.areas.flatMap { $0.categories.map { NameKey($0) } }))
        var allCategories: [NameKey: String]?
        for area in rules.areas {
            var names: [UnmatchedName] = []
            if hasCategories && !area.categories.contains(where: { occurring.contains(NameKey($0)) }) {
                if allCategories == nil { allCategories = self.allCategories() }
                names += Self.unmatched(area.categories, in: allCategories!, kind: .category)
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
