extension RuleSet {
    /// Likely mistakes that are not errors: categories in typographic quotes, listed twice in an area or
    /// in two areas (see ``categoryAdvice()``); and, against data, measures nobody can afford, and areas
    /// and survey items no data file ever matched. (Renormalised weights are already in ``warnings``.)
    /// - Parameter dataset: the data to check the rules against, if any.
    /// - Returns: warnings, each at the definition it concerns.
    package func advice(for dataset: Dataset? = nil) -> [Diagnostic] {
        var advice = categoryAdvice()
        guard let dataset else { return advice }

        let categories = Set(dataset.crime.values.flatMap { $0.counts.values.flatMap(\.keys) })
        for area in areas where !area.categories.isEmpty {
            if !area.categoryKeys.contains(where: categories.contains) {
                advice.append(
                    .warning(DiagnosticText.noCrimeDataForArea(area: area.id, categories: area.categories), at: area.location))
            }
        }
        let items = Set(dataset.survey.values.flatMap { $0.values.flatMap(\.keys) })
        for area in areas {
            for item in area.surveyItems where !items.contains(NameKey(item)) {
                advice.append(.warning(DiagnosticText.surveyItemNotFound(item: item, area: area.id), at: area.location))
            }
        }
        // Signals (SPEC 4.3): a source no data file has, and items no row of that source names.
        for signal in signals {
            guard let table = dataset.surveySources[signal.sourceKey] else {
                let known = dataset.surveySources.keys.filter { $0 != SurveyTable.defaultSource }
                    .map { dataset.displayName($0) }.sorted { $0.precedesByCodePoint($1) }
                advice.append(
                    .warning(
                        DiagnosticText.signalSourceNotFound(
                            source: signal.source, signal: signal.id, known: known,
                            suggestion: known.isEmpty ? nil : Suggestion.closest(to: signal.source, among: known)),
                        at: signal.location))
                continue
            }
            let signalItems = Set(table.shares.values.flatMap { $0.values.flatMap(\.keys) })
            for area in areas {
                for item in area.signalItems[signal.id] ?? [] where !signalItems.contains(NameKey(item)) {
                    advice.append(
                        .warning(
                            DiagnosticText.signalItemNotFound(source: signal.source, item: item, area: area.id, signal: signal.id),
                            at: area.location))
                }
            }
        }
        // A measure nobody can afford: some cost exceeds what every scope has in its latest resources period.
        let latestAvailability = dataset.resources.values.compactMap { periods in periods.keys.max().flatMap { periods[$0] } }
        if !latestAvailability.isEmpty {
            for measure in measures {
                let affordable = latestAvailability.contains { available in
                    measure.cost.allSatisfy { $0.amount <= (available[$0.resourceKey] ?? 0) }
                }
                if !affordable {
                    let costs = measure.cost.map { "\($0.resource) \(NumberFormatting.english.amount($0.amount))" }.joined(separator: ", ")
                    advice.append(
                        .warning(DiagnosticText.unaffordableMeasure(measure: measure.id, costs: costs), at: measure.location))
                }
            }
        }
        return advice
    }
}
