import Foundation

/// How an adopted area has developed since its adoption.
///
/// The counts of the periods from the adoption period up to T are compared with the baseline of
/// the K periods before it (each cut to the same first months when T is a part-year, SPEC 4.2), with SPEC 4's noise-aware statistic generalised to a mean over m
/// periods: z = 2·(√(ȳ + 3/8) − √(b + 3/8)) / √(1/m + 1/K'), which is SPEC 4's z for m = 1.
/// z ≤ −2 is improving, z ≥ 2 worsening, anything between no clear change.
public struct FollowUp: Sendable, Hashable {
    /// The verdict on the crime counts.
    public enum Verdict: String, Sendable, Hashable {
        case improving
        case worsening
        case noClearChange = "no_clear_change"
        /// The adoption period is after the last period with data.
        case noDataYet = "no_data_yet"
        /// No baseline period before the adoption has data, or the area lists no categories.
        case noBaseline = "no_baseline"
    }

    /// The adoption followed up.
    public internal(set) var adoption: Adoption
    /// The area's name (the id when the rules no longer define it).
    public internal(set) var areaName: String
    /// Counts per period from the adoption period to T (present periods only).
    public internal(set) var since: [PeriodCount]
    /// The baseline periods before the adoption that have data.
    public internal(set) var baselinePeriods: [Period]
    /// Mean count over the baseline periods.
    public internal(set) var baseline: Double?
    /// Mean count per period since the adoption.
    public internal(set) var meanSince: Double?
    /// The statistic; `nil` without data on either side.
    public internal(set) var z: Double?
    /// The verdict.
    public internal(set) var verdict: Verdict
    /// Concern before the adoption (latest survey before it) and now (latest survey ≤ T), 0–1.
    public internal(set) var concernBefore: Double?
    /// Concern now.
    public internal(set) var concernNow: Double?

    /// The concern change in percentage points, when both surveys asked about the area.
    public var concernChangePoints: Double? {
        guard let concernBefore, let concernNow else { return nil }
        return (concernNow - concernBefore) * 100
    }

    /// Follows `adoption` up in `data`.
    static func compute(
        adoption: Adoption, area: Area?, data: ScopeData, settings: TrendSettings, aggregate: ConcernAggregate
    ) -> FollowUp {
        let categories = area?.categoryKeys ?? []
        let start =
            adoption.from.converted(to: data.period.granularity)
            ?? data.presentPeriods.filter { $0.firstMonthOrdinal >= adoption.from.firstMonthOrdinal }.min()
            ?? adoption.from
        var since: [PeriodCount] = []
        var p = start
        while p <= data.period {
            if let count = data.comparableCount(of: categories, in: p) {
                since.append(PeriodCount(period: p, count: count))
            }
            p = p.advanced(by: 1)
        }
        // Comparable counts: when T is a part-year, every period's first L months (SPEC 4.2).
        let baselinePeriods = (1...settings.baselinePeriods).reversed().map { start.advanced(by: -$0) }
            .filter { data.comparableCounts[$0] != nil }
        let baselineCounts = baselinePeriods.map { data.comparableCount(of: categories, in: $0) ?? 0 }
        let baseline = baselineCounts.isEmpty ? nil : Double(baselineCounts.reduce(0, +)) / Double(baselineCounts.count)
        let meanSince = since.isEmpty ? nil : Double(since.reduce(0) { $0 + ($1.count ?? 0) }) / Double(since.count)
        var z: Double?
        let verdict: Verdict
        if since.isEmpty {
            verdict = .noDataYet
        } else if let baseline, let meanSince, !categories.isEmpty {
            let value =
                2 * ((meanSince + 3.0 / 8.0).squareRoot() - (baseline + 3.0 / 8.0).squareRoot())
                / (1 / Double(since.count) + 1 / Double(baselineCounts.count)).squareRoot()
            z = value
            verdict = value <= -2 ? .improving : value >= 2 ? .worsening : .noClearChange
        } else {
            verdict = .noBaseline
        }
        let surveysBefore = data.surveys.keys.filter { $0.firstMonthOrdinal < start.firstMonthOrdinal }.max()
        return FollowUp(
            adoption: adoption, areaName: area?.name ?? adoption.areaID, since: since, baselinePeriods: baselinePeriods,
            baseline: baseline, meanSince: meanSince, z: z, verdict: verdict,
            concernBefore: surveysBefore.flatMap { concern(area, shares: data.surveys[$0] ?? [:], aggregate) },
            concernNow: data.surveyPeriod.flatMap {
                $0.firstMonthOrdinal >= start.firstMonthOrdinal ? concern(area, shares: data.surveyShares, aggregate) : nil
            })
    }

    private static func concern(_ area: Area?, shares: [NameKey: Double], _ aggregate: ConcernAggregate) -> Double? {
        let values = (area?.surveyItemKeys ?? []).compactMap { shares[$0] }
        guard !values.isEmpty else { return nil }
        switch aggregate {
        case .max: return values.max()
        case .mean: return values.reduce(0, +) / Double(values.count)
        }
    }
}
