extension RuleSet {
    /// Typographic quotes that editors put in for straight ones.
    static let typographicQuotes: Set<Character> = ["“", "”", "„", "‟", "‘", "’", "‚", "«", "»", "″"]

    /// Warnings about how areas list their categories (SPEC 4.1 "Names"), each at the category written:
    ///
    /// - a category in typographic quotes (`“Trafikolycka, personskada”`): the quotes become part of the
    ///   name (and inside `[ ]` the comma splits it in two), so it matches no data;
    /// - a category listed twice in one area: it counts once, so one of them can go;
    /// - a category listed by two areas: allowed, but its crimes count for both, which should be meant.
    package func categoryAdvice() -> [Diagnostic] {
        var advice: [Diagnostic] = []
        var firstArea: [NameKey: (area: String, location: SourceLocation?)] = [:]
        for area in areas {
            let locations = area.categoryLocations
            func location(_ index: Int) -> SourceLocation? {
                index < locations.count ? locations[index] : area.location
            }
            advice += typographicQuoteAdvice(area, location: location)
            var seen: [NameKey: Int] = [:]
            for (index, category) in area.categories.enumerated() {
                let key = NameKey(category)
                if let first = seen[key] {
                    advice.append(
                        .warning(
                            DiagnosticText.ruleFile(.categoryTwice(category: category, area: area.id, first: area.categories[first])),
                            at: location(index), related: location(first)))
                    continue
                }
                seen[key] = index
                if let other = firstArea[key], other.area != area.id {
                    advice.append(
                        .warning(
                            DiagnosticText.ruleFile(.categoryInOtherArea(category: category, other: other.area)),
                            at: location(index), related: other.location))
                } else if firstArea[key] == nil {
                    firstArea[key] = (area.id, location(index))
                }
            }
        }
        return advice
    }

    private func typographicQuoteAdvice(_ area: Area, location: (Int) -> SourceLocation?) -> [Diagnostic] {
        var advice: [Diagnostic] = []
        let categories = area.categories
        var index = 0
        while index < categories.count {
            let category = categories[index]
            guard category.contains(where: Self.typographicQuotes.contains) else {
                index += 1
                continue
            }
            // `[“Trafikolycka, personskada”]`: YAML splits at the comma; find where the quote closes.
            var end = index
            if let first = category.first, Self.typographicQuotes.contains(first),
                !(category.count > 1 && category.last.map(Self.typographicQuotes.contains) == true)
            {
                while end + 1 < categories.count,
                    !(categories[end].last.map(Self.typographicQuotes.contains) ?? false)
                {
                    end += 1
                }
            }
            let written = categories[index...end].joined(separator: ", ")
            let meant = String(written.filter { !Self.typographicQuotes.contains($0) }).trimmingSpaces()
            let text = DiagnosticText.ruleFile(
                .typographicQuotes(written: written, area: area.id, parts: end - index + 1, meant: meant))
            advice.append(.warning(text, at: location(index)))
            index = end + 1
        }
        return advice
    }
}
