/// The data of one scope, seen at the evaluation's granularity: what the factors are computed from.
///
/// Besides whole-period counts it holds the *comparable* counts of SPEC 4.2: when the evaluated period
/// T is a part-year, every period is cut to its first L months; periods that cannot be cut, or that the
/// data starts inside, are left out of every comparison.
struct ScopeData: Sendable {
    /// The scope's display name.
    let scopeName: String
    /// The evaluated period T.
    let period: Period
    /// Periods (at T's granularity) in which any crime file has a row for the scope.
    let presentPeriods: Set<Period>
    /// Whole-period counts per period (at T's granularity) and category.
    let counts: [Period: [NameKey: Int]]
    /// When T is partial: how many months of each period are compared (L, SPEC 4.2).
    let comparedMonths: Int?
    /// Present periods left out of comparisons, and why.
    let leftOut: [Period: BaselineDrop.Reason]
    /// Counts per present, comparable period and category: cut to the first ``comparedMonths`` months
    /// when T is partial, whole otherwise.
    let comparableCounts: [Period: [NameKey: Int]]
    /// Survey-shaped rows per source (``SurveyTable/defaultSource`` for citizen concern).
    let sources: [NameKey: SourceView]
    /// The resources period used, if any ≤ T exists.
    let resourcesPeriod: Period?
    /// Available amount per resource in ``resourcesPeriod``.
    let available: [NameKey: Double]

    /// The scope's rows of one survey source, seen from T.
    struct SourceView: Sendable {
        /// Every period of the source, with its shares per item.
        var periods: [Period: [NameKey: Double]]
        /// Respondents per period and item, where given.
        var respondents: [Period: [NameKey: Int]]
        /// The latest period ≤ T, if any.
        var latest: Period?

        /// Shares per item in ``latest``.
        var latestShares: [NameKey: Double] { latest.flatMap { periods[$0] } ?? [:] }
    }

    /// The survey period used for concern, if any survey period ≤ T exists.
    var surveyPeriod: Period? { sources[SurveyTable.defaultSource]?.latest }
    /// Shares per item in ``surveyPeriod``.
    var surveyShares: [NameKey: Double] { sources[SurveyTable.defaultSource]?.latestShares ?? [:] }
    /// Every survey period of the scope, with its shares per item.
    var surveys: [Period: [NameKey: Double]] { sources[SurveyTable.defaultSource]?.periods ?? [:] }
    /// Whether the scope has resource rows in any period ≤ T (SPEC 4.2 "Resources without data").
    var hasResourceData: Bool { resourcesPeriod != nil }

    /// Builds the view.
    /// - Throws: when the scope has no crime rows, when its crime data is coarser than the
    ///   requested granularity, or when an explicit period is of an unknown shape.
    ///   - overview: S and E computed once for many scopes (``DatasetOverview``); computed here when `nil`.
    init(dataset: Dataset, scope: String, choice: PeriodChoice, overview: DatasetOverview? = nil) throws(FokusError) {
        let key = NameKey(scope)
        scopeName = dataset.displayNames[key] ?? scope
        guard let crime = dataset.crime[key], !crime.presentPeriods.isEmpty || !crime.yearToDate.isEmpty else {
            let known = dataset.crime.keys.sorted().map { dataset.displayName($0) }
            throw FokusError([
                .error(
                    DiagnosticText.evaluation(
                        .noCrimeData(scope: scope, known: Array(known.prefix(20)), rejected: dataset.rejected.count)))
            ])
        }
        let granularity: Period.Granularity
        switch choice {
        case .latest: granularity = .year
        case .period(let p): granularity = p.granularity
        }
        let rows = try CrimeRows(crime, granularity: granularity, scopeName: scopeName)
        presentPeriods = rows.present
        counts = rows.wholeCounts
        switch choice {
        case .latest: period = rows.present.max()!
        case .period(let p): period = p
        }

        let dataMonths = overview.map(\.dataMonths) ?? Self.monthResolvedSpan(of: dataset)
        let cut = PartialPeriods(rows: rows, period: period, dataMonths: dataMonths)
        comparedMonths = cut.comparedMonths
        leftOut = cut.leftOut
        comparableCounts = cut.comparableCounts

        var sources: [NameKey: SourceView] = [:]
        for (source, table) in dataset.surveySources {
            guard let periods = table.shares[key] else { continue }
            sources[source] = SourceView(
                periods: periods, respondents: table.respondents[key] ?? [:],
                latest: Self.latest(in: periods.keys, notAfter: period))
        }
        self.sources = sources
        let resources = dataset.resources[key] ?? [:]
        resourcesPeriod = ScopeData.latest(in: resources.keys, notAfter: period)
        available = resourcesPeriod.flatMap { resources[$0] } ?? [:]
    }

    /// The whole-period count of `categories` in `period`: 0 for a category without a row.
    func count(of categories: [NameKey], in period: Period) -> Int {
        guard let row = counts[period] else { return 0 }
        return categories.reduce(0) { $0 + (row[$1] ?? 0) }
    }

    /// The comparable count of `categories` in `period` (cut to the compared months when T is partial);
    /// `nil` when the period is not present or is left out.
    func comparableCount(of categories: [NameKey], in period: Period) -> Int? {
        guard let row = comparableCounts[period] else { return nil }
        return categories.reduce(0) { $0 + (row[$1] ?? 0) }
    }

    /// The latest period whose first month is not after `limit`'s first month (SPEC 4.1).
    static func latest(in periods: some Sequence<Period>, notAfter limit: Period) -> Period? {
        periods.filter { $0.firstMonthOrdinal <= limit.firstMonthOrdinal }.max()
    }

    /// S and E of SPEC 4.2: the first and last month (as ordinals) of any month-resolved crime row, over
    /// all files and scopes; `nil` without such rows.
    static func monthResolvedSpan(of dataset: Dataset) -> ClosedRange<Int>? {
        var first = Int.max
        var last = Int.min
        for crime in dataset.crime.values {
            for p in crime.presentPeriods where p.granularity == .month {
                first = min(first, p.firstMonthOrdinal)
                last = max(last, p.firstMonthOrdinal)
            }
            for span in crime.yearToDate.keys {
                first = min(first, span.firstMonthOrdinal)
                last = max(last, span.lastMonthOrdinal)
            }
        }
        return first <= last ? first...last : nil
    }
}

/// A present period left out of the trend comparison (SPEC 4.2).
public struct BaselineDrop: Sendable, Hashable {
    /// Why a period was left out.
    public enum Reason: String, Sendable, Hashable {
        /// The data starts inside the period: its first month is before the first month-resolved row.
        case beforeData = "before_data"
        /// T is a part-year, and the period has rows coarser than a month, which cannot be cut.
        case notMonthly = "not_monthly"
    }

    /// The period.
    public internal(set) var period: Period
    /// Why it was left out.
    public internal(set) var reason: Reason
}

/// A scope's crime rows grouped by the period (at the evaluation's granularity) they fall in.
struct CrimeRows {
    /// One row group: a period as read (or a year-to-date span) and its counts.
    struct Group {
        /// Months covered, as ordinals, when the group is month-resolved; `nil` for a coarser period.
        var months: ClosedRange<Int>?
        var counts: [NameKey: Int]
    }

    /// Present periods at the granularity.
    var present: Set<Period> = []
    /// The groups in each present period.
    var groups: [Period: [Group]] = [:]
    /// Whole-period counts.
    var wholeCounts: [Period: [NameKey: Int]] = [:]

    init(_ crime: Dataset.ScopeCrime, granularity: Period.Granularity, scopeName: String) throws(FokusError) {
        var coarser: String?
        var coarserOrdinal = Int.max
        for p in crime.presentPeriods {
            guard let target = p.converted(to: granularity) else {
                if p.firstMonthOrdinal < coarserOrdinal { (coarser, coarserOrdinal) = (p.description, p.firstMonthOrdinal) }
                continue
            }
            present.insert(target)
            let months = p.granularity == .month ? p.firstMonthOrdinal...p.firstMonthOrdinal : nil
            groups[target, default: []].append(Group(months: months, counts: crime.counts[p] ?? [:]))
        }
        for (span, counts) in crime.yearToDate {
            guard let target = span.converted(to: granularity) else {
                if span.firstMonthOrdinal < coarserOrdinal {
                    (coarser, coarserOrdinal) = ("\(span.year) (jan–\(span.throughMonth))", span.firstMonthOrdinal)
                }
                continue
            }
            present.insert(target)
            groups[target, default: []].append(
                Group(months: span.firstMonthOrdinal...span.lastMonthOrdinal, counts: counts))
        }
        if let coarser {
            throw FokusError([
                .error(
                    DiagnosticText.evaluation(
                        .coarserData(scope: scopeName, period: coarser, granularity: "\(granularity)", year: coarserOrdinal / 12)))
            ])
        }
        wholeCounts.reserveCapacity(groups.count)
        for (period, list) in groups {
            // Most groups of a period share their categories: start from the largest, sized for them all.
            let largest = list.indices.max { list[$0].counts.count < list[$1].counts.count }!
            var total = list[largest].counts
            total.reserveCapacity(list.count == 1 ? 0 : total.count + total.count / 4)
            for (i, group) in list.enumerated() where i != largest {
                for (category, count) in group.counts { total[category, default: 0] += count }
            }
            wholeCounts[period] = total
        }
    }
}

/// SPEC 4.2 "Partial periods": whether T is a part-year, and the counts every period is compared with.
struct PartialPeriods {
    var comparedMonths: Int?
    var leftOut: [Period: BaselineDrop.Reason] = [:]
    var comparableCounts: [Period: [NameKey: Int]] = [:]

    /// - Parameters:
    ///   - rows: the scope's rows by period.
    ///   - period: T.
    ///   - dataMonths: S…E, over all files and scopes.
    init(rows: CrimeRows, period: Period, dataMonths: ClosedRange<Int>?) {
        func isMonthResolved(_ p: Period) -> Bool { rows.groups[p]?.allSatisfy { $0.months != nil } ?? false }
        if period.granularity < .month, let end = dataMonths?.upperBound, isMonthResolved(period),
            end >= period.firstMonthOrdinal, end < period.lastMonthOrdinal
        {
            comparedMonths = end - period.firstMonthOrdinal + 1
        }
        for p in rows.present {
            let groups = rows.groups[p] ?? []
            let months = groups.compactMap(\.months)
            let monthly = months.count == groups.count
            if let l = comparedMonths {
                let windowEnd = p.firstMonthOrdinal + l - 1
                // A group is counted when it lies inside the window; one reaching past its end cannot be cut.
                guard monthly, months.allSatisfy({ $0.upperBound <= windowEnd || $0.lowerBound > windowEnd }) else {
                    leftOut[p] = .notMonthly
                    continue
                }
                if p != period, let start = dataMonths?.lowerBound, p.firstMonthOrdinal < start {
                    leftOut[p] = .beforeData
                    continue
                }
                var counts: [NameKey: Int] = [:]
                for group in groups where (group.months?.upperBound ?? .max) <= windowEnd {
                    for (category, count) in group.counts { counts[category, default: 0] += count }
                }
                comparableCounts[p] = counts
            } else {
                if p != period, monthly, let start = dataMonths?.lowerBound, p.firstMonthOrdinal < start {
                    leftOut[p] = .beforeData
                    continue
                }
                comparableCounts[p] = rows.wholeCounts[p] ?? [:]
            }
        }
    }
}
