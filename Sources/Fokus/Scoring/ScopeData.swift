/// The data of one scope, seen at the evaluation's granularity: what the factors are computed from.
struct ScopeData: Sendable {
    /// The scope's display name.
    let scopeName: String
    /// The evaluated period T.
    let period: Period
    /// Periods (at T's granularity) in which any crime file has a row for the scope.
    let presentPeriods: Set<Period>
    /// Counts per period (at T's granularity) and category.
    let counts: [Period: [NameKey: Int]]
    /// The survey period used for concern, if any survey period ≤ T exists.
    let surveyPeriod: Period?
    /// Shares per item in ``surveyPeriod``.
    let surveyShares: [NameKey: Double]
    /// Every survey period of the scope, with its shares per item.
    let surveys: [Period: [NameKey: Double]]
    /// The resources period used, if any ≤ T exists.
    let resourcesPeriod: Period?
    /// Available amount per resource in ``resourcesPeriod``.
    let available: [NameKey: Double]

    /// Builds the view.
    /// - Throws: when the scope has no crime rows, when its crime data is coarser than the
    ///   requested granularity, or when an explicit period is of an unknown shape.
    init(dataset: Dataset, scope: String, choice: PeriodChoice) throws(FokusError) {
        let key = NameKey(scope)
        scopeName = dataset.displayNames[key] ?? scope
        guard let crime = dataset.crime[key], !crime.presentPeriods.isEmpty else {
            let known = dataset.crime.keys.sorted().map { dataset.displayName($0) }
            var hint = known.isEmpty
                ? "the data has no crime rows (counts, events or a statistics export)"
                : "scopes with crime data: \(known.prefix(20).joined(separator: ", "))"
            if !dataset.rejected.isEmpty { hint += "; \(dataset.rejected.count) rejected file(s) were left out" }
            throw FokusError("no crime data for the scope \"\(scope)\": \(hint)")
        }
        let granularity: Period.Granularity
        switch choice {
        case .latest: granularity = .year
        case .period(let p): granularity = p.granularity
        }
        var present = Set<Period>()
        var coarser: Period?
        for p in crime.presentPeriods {
            guard let converted = p.converted(to: granularity) else {
                if coarser == nil || p < coarser! { coarser = p }
                continue
            }
            present.insert(converted)
        }
        if let coarser {
            throw FokusError(
                "crime data for \(scopeName) has the period \(coarser) (a \(coarser.granularity)), "
                    + "coarser than the evaluated \(granularity); evaluate a \(coarser.granularity) "
                    + "(e.g. --period \(coarser)) or supply data by \(granularity)")
        }
        var converted: [Period: [NameKey: Int]] = [:]
        for (p, categories) in crime.counts {
            guard let target = p.converted(to: granularity) else { continue }
            for (category, count) in categories { converted[target, default: [:]][category, default: 0] += count }
        }
        presentPeriods = present
        counts = converted
        switch choice {
        case .latest: period = present.max()!
        case .period(let p): period = p
        }

        let surveys = dataset.survey[key] ?? [:]
        self.surveys = surveys
        surveyPeriod = ScopeData.latest(in: surveys.keys, notAfter: period)
        surveyShares = surveyPeriod.flatMap { surveys[$0] } ?? [:]
        let resources = dataset.resources[key] ?? [:]
        resourcesPeriod = ScopeData.latest(in: resources.keys, notAfter: period)
        available = resourcesPeriod.flatMap { resources[$0] } ?? [:]
    }

    /// The count of `categories` in `period`: 0 for a category without a row.
    func count(of categories: [NameKey], in period: Period) -> Int {
        guard let row = counts[period] else { return 0 }
        return categories.reduce(0) { $0 + (row[$1] ?? 0) }
    }

    /// The latest period whose first month is not after `limit`'s first month (SPEC 4.1).
    static func latest(in periods: some Sequence<Period>, notAfter limit: Period) -> Period? {
        periods.filter { $0.firstMonthOrdinal <= limit.firstMonthOrdinal }.max()
    }
}
