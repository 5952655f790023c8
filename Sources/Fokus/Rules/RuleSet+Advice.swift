extension RuleSet {
    /// Likely mistakes that are not errors: categories in typographic quotes, listed twice in an area or
    /// in two areas (see ``categoryAdvice()``); and, against data, measures nobody can afford, and areas
    /// and survey items no data file ever matched. (Renormalised weights are already in ``warnings``.)
    /// - Parameter dataset: the data to check the rules against, if any.
    /// - Returns: warnings, each at the definition it concerns.
    public func advice(for dataset: Dataset? = nil) -> [Diagnostic] {
        var advice = categoryAdvice()
        guard let dataset else { return advice }

        let categories = Set(dataset.crime.values.flatMap { $0.counts.values.flatMap(\.keys) })
        for area in areas where !area.categories.isEmpty {
            if !area.categoryKeys.contains(where: categories.contains) {
                advice.append(
                    .warning(
                        "no crime data matched the area \"\(area.id)\": none of its categories ("
                            + area.categories.joined(separator: ", ") + ") occurs in the data; check the spelling",
                        at: area.location))
            }
        }
        let items = Set(dataset.survey.values.flatMap { $0.values.flatMap(\.keys) })
        for area in areas {
            for item in area.surveyItems where !items.contains(NameKey(item)) {
                advice.append(.warning("no survey file contains the item \"\(item)\" of the area \"\(area.id)\"", at: area.location))
            }
        }
        // A measure nobody can afford: some cost exceeds what every scope has in its latest resources period.
        let latestAvailability = dataset.resources.values.compactMap { periods in periods.keys.max().flatMap { periods[$0] } }
        if !latestAvailability.isEmpty {
            for measure in measures {
                let affordable = latestAvailability.contains { available in
                    measure.cost.allSatisfy { $0.amount <= (available[NameKey($0.resource)] ?? 0) }
                }
                if !affordable {
                    let costs = measure.cost.map { "\($0.resource) \(NumberFormatting.english.amount($0.amount))" }.joined(separator: ", ")
                    advice.append(
                        .warning(
                            "nobody can afford the measure \"\(measure.id)\" (\(costs)) with the resources in the data; "
                                + "it will never be in a plan",
                            at: measure.location))
                }
            }
        }
        return advice
    }
}
