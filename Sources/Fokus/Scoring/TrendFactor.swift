import Foundation

/// The crime-trend factor of one area (SPEC 4 "Crime trend").
public struct TrendFactor: Sendable, Hashable {
    /// y, the count in the evaluated period.
    public var latest: Double
    /// b, the mean count over the baseline periods present.
    public var baseline: Double
    /// (y + 0.5) / (b + 0.5).
    public var ratio: Double
    /// The noise-aware statistic 2·(√(y+3/8) − √(b+3/8)) / √(1 + 1/K').
    public var z: Double
    /// 1 / (1 + e^(−z/s)).
    public var n: Double
    /// The baseline periods present (K' of them), oldest first.
    public var baselinePeriods: [Period]
    /// Counts from T−K to T, oldest first; `nil` for a period not present.
    public var series: [PeriodCount]

    /// Computes the factor from a latest count and baseline counts.
    /// - Parameters:
    ///   - latest: y.
    ///   - baselineCounts: the counts of the baseline periods present (at least one).
    ///   - scale: s.
    public static func compute(latest: Int, baselineCounts: [Int], scale: Double) -> (
        latest: Double, baseline: Double, ratio: Double, z: Double, n: Double
    ) {
        let k = Double(baselineCounts.count)
        let y = Double(latest)
        let b = Double(baselineCounts.reduce(0, +)) / k
        let ratio = (y + 0.5) / (b + 0.5)
        let z = 2 * ((y + 3.0 / 8.0).squareRoot() - (b + 3.0 / 8.0).squareRoot()) / (1 + 1 / k).squareRoot()
        let n = 1 / (1 + exp(-z / scale))
        return (y, b, ratio, z, n)
    }

    /// The factor for `categories` in `data`, or `nil` when it is missing: no categories, T not
    /// present, or no baseline period present (SPEC 4.1).
    static func compute(categories: [NameKey], data: ScopeData, settings: TrendSettings) -> TrendFactor? {
        let t = data.period
        let k = settings.baselinePeriods
        let series = (0...k).reversed().map { back -> PeriodCount in
            let p = t.advanced(by: -back)
            return PeriodCount(period: p, count: data.presentPeriods.contains(p) ? data.count(of: categories, in: p) : nil)
        }
        guard !categories.isEmpty, data.presentPeriods.contains(t) else { return nil }
        let baseline = series.dropLast().filter { $0.count != nil }
        guard !baseline.isEmpty else { return nil }
        let values = compute(
            latest: data.count(of: categories, in: t), baselineCounts: baseline.map { $0.count! },
            scale: settings.scale)
        return TrendFactor(
            latest: values.latest, baseline: values.baseline, ratio: values.ratio, z: values.z, n: values.n,
            baselinePeriods: baseline.map(\.period), series: series)
    }
}

/// A count in a period; `nil` when the period has no crime data for the scope.
public struct PeriodCount: Sendable, Hashable {
    /// The period.
    public var period: Period
    /// The count, or `nil` when the period is not present.
    public var count: Int?
}
