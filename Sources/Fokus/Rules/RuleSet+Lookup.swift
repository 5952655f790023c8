extension RuleSet {
    /// What to say when `id` (typed on a command line, say) names no area: `no area `Trafik`; did you mean
    /// `trafik`?`. `nil` when an area has that id.
    ///
    /// Suggests, in this order: an area id that differs only in case or by a typo; the area one of whose
    /// categories is `id` (or close to it: `ratfylleri` → `trafik`, whose categories include Rattfylleri);
    /// the areas a measure of that id addresses; otherwise lists the areas.
    package func unknownAreaMessage(_ id: String) -> String? {
        let ids = areas.map(\.id)
        guard !ids.contains(id) else { return nil }
        let opening = "no area `\(id)`"
        if let match = ids.first(where: { $0.lowercased() == id.lowercased() })
            ?? Suggestion.closest(to: id, among: ids)
        {
            return opening + "; did you mean `\(match)`?"
        }
        let categories = areas.flatMap { area in area.categories.map { (area: area.id, category: $0) } }
        let key = NameKey(id)
        if let hit = categories.first(where: { NameKey($0.category) == key })
            ?? Suggestion.closest(to: id, among: categories.map(\.category)).flatMap({ close in
                categories.first { $0.category == close }
            })
        {
            return opening + "; did you mean `\(hit.area)` (its categories include \(hit.category))?"
        }
        if let measure = measures.first(where: { $0.id == id })
            ?? Suggestion.closest(to: id, among: measures.map(\.id)).flatMap({ close in measures.first { $0.id == close } }),
            !measure.addresses.isEmpty
        {
            let addressed = measure.addresses.map { "`\($0)`" }.joined(separator: ", ")
            let noun = measure.addresses.count == 1 ? "the area" : "the areas"
            return opening + "; `\(measure.id)` is a measure, for \(noun) \(addressed)"
        }
        return opening + "; the areas are " + ids.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// What to say when `id` names no measure: `no measure `hastighett`; did you mean `hastighet`?`, or the
    /// list of measures. `nil` when a measure has that id.
    package func unknownMeasureMessage(_ id: String) -> String? {
        let ids = measures.map(\.id)
        guard !ids.contains(id) else { return nil }
        if let match = ids.first(where: { $0.lowercased() == id.lowercased() }) ?? Suggestion.closest(to: id, among: ids) {
            return "no measure `\(id)`; did you mean `\(match)`?"
        }
        return "no measure `\(id)`; the measures are " + ids.map { "`\($0)`" }.joined(separator: ", ")
    }
}
