import Foundation

/// The crime-trend factor of one area (SPEC 4 "Crime trend").
public struct TrendFactor: Sendable, Hashable {
    /// y, the count in the evaluated period.
    public internal(set) var latest: Double
    /// b, the mean count over the baseline periods present.
    public internal(set) var baseline: Double
    /// (y + 0.5) / (b + 0.5).
    public internal(set) var ratio: Double
    /// The noise-aware statistic 2·(√(y+3/8) − √(b+3/8)) / √(1 + 1/K').
    public internal(set) var z: Double
    /// 1 / (1 + e^(−z/s)).
    public internal(set) var n: Double
    /// The baseline periods present (K' of them), oldest first.
    public internal(set) var baselinePeriods: [Period]
    /// Comparable counts from T−K to T, oldest first; `nil` for a period not present or left out.
    public internal(set) var series: [PeriodCount]

    /// Computes the factor from a latest count and baseline counts.
    /// - Parameters:
    ///   - latest: y.
    ///   - baselineCounts: the counts of the baseline periods present (at least one).
    ///   - scale: s.
    package static func compute(latest: Int, baselineCounts: [Int], scale: Double) -> (
        latest: Double, baseline: Double, ratio: Double, z: Double, n: Double
    ) {
        compute(latest: Double(latest), baselineCounts: baselineCounts.map(Double.init), scale: scale)
    }

    /// The same for real-valued counts, as rank stability draws them (SPEC 4.2).
    static func compute(latest y: Double, baselineCounts: [Double], scale: Double) -> (
        latest: Double, baseline: Double, ratio: Double, z: Double, n: Double
    ) {
        compute(latest: y, baselineTotal: baselineCounts.reduce(0, +), periods: baselineCounts.count, scale: scale)
    }

    /// ``compute(latest:baselineCounts:scale:)`` from the baseline counts' sum (taken from 0, in period
    /// order) and how many periods it adds up: the same arithmetic, without an array.
    static func compute(latest y: Double, baselineTotal: Double, periods: Int, scale: Double) -> (
        latest: Double, baseline: Double, ratio: Double, z: Double, n: Double
    ) {
        let k = Double(periods)
        let b = baselineTotal / k
        let ratio = (y + 0.5) / (b + 0.5)
        let z = 2 * ((y + 3.0 / 8.0).squareRoot() - (b + 3.0 / 8.0).squareRoot()) / (1 + 1 / k).squareRoot()
        let n = 1 / (1 + exp(-z / scale))
        return (y, b, ratio, z, n)
    }

    /// The periods a trend compares in `data`: T and the baseline periods T−K … T−1 that are present and
    /// not left out (SPEC 4.1, 4.2); `nil` when T is not present or no baseline period is usable.
    static func periods(in data: ScopeData, settings: TrendSettings) -> (latest: Period, baseline: [Period])? {
        let t = data.period
        guard data.comparableCounts[t] != nil else { return nil }
        let baseline = (1...settings.baselinePeriods).reversed().map { t.advanced(by: -$0) }
            .filter { data.comparableCounts[$0] != nil }
        return baseline.isEmpty ? nil : (t, baseline)
    }

    /// The factor for `categories` in `data`, or `nil` when it is missing: no categories, T not
    /// present, or no baseline period usable (SPEC 4.1, 4.2).
    static func compute(categories: [NameKey], data: ScopeData, settings: TrendSettings) -> TrendFactor? {
        let t = data.period
        let series = (0...settings.baselinePeriods).reversed().map { back -> PeriodCount in
            let p = t.advanced(by: -back)
            return PeriodCount(period: p, count: data.comparableCount(of: categories, in: p))
        }
        guard !categories.isEmpty, let periods = periods(in: data, settings: settings) else { return nil }
        let values = compute(
            latest: data.comparableCount(of: categories, in: t) ?? 0,
            baselineCounts: periods.baseline.map { data.comparableCount(of: categories, in: $0) ?? 0 },
            scale: settings.scale)
        return TrendFactor(
            latest: values.latest, baseline: values.baseline, ratio: values.ratio, z: values.z, n: values.n,
            baselinePeriods: periods.baseline, series: series)
    }

    /// Recomputes the factor from drawn counts of T and the sum of the baseline periods' drawn counts
    /// (taken from 0, in period order) (rank stability, SPEC 4.2).
    mutating func redraw(latest: Double, baselineTotal: Double, periods: Int, scale: Double) {
        (self.latest, self.baseline, self.ratio, self.z, self.n) = Self.compute(
            latest: latest, baselineTotal: baselineTotal, periods: periods, scale: scale)
    }
}

/// A count in a period; `nil` when the period has no crime data for the scope or is left out (SPEC 4.2).
public struct PeriodCount: Sendable, Hashable {
    /// The period.
    public internal(set) var period: Period
    /// The count, or `nil` when the period is not present.
    public internal(set) var count: Int?
}
