/// The resources factor of one area: can the group act on it now? (SPEC 4 "Resources").
public struct ResourcesFactor: Sendable, Hashable {
    /// max over the area's measures of fit(m), or the area's fixed score.
    public internal(set) var raw: Double
    /// Equal to ``raw``.
    public internal(set) var n: Double
    /// The measure with the best fit (the first in catalogue order on a tie), if any.
    public internal(set) var bestMeasure: String?
    /// Whether the area set `resources: {score: …}`.
    public internal(set) var isOverridden: Bool
    /// Whether no measure in the catalogue addresses the area (raw is then 0).
    public internal(set) var hasNoMeasures: Bool

    /// fit(m) = min over resources with cost > 0 of min(1, available / cost); 1 without positive costs.
    static func fit(of measure: Measure, available: [NameKey: Double]) -> Double {
        var fit = 1.0
        for cost in measure.cost where cost.amount > 0 {
            fit = min(fit, min(1, (available[cost.resourceKey] ?? 0) / cost.amount))
        }
        return fit
    }

    /// The factor for `area`; `nil` (missing) when the scope has no resource rows in any period ≤ T and
    /// the area sets no score (SPEC 4.2).
    static func compute(area: Area, measures: [Measure], available: [NameKey: Double], hasData: Bool)
        -> ResourcesFactor?
    {
        let addressing = measures.filter { $0.addresses.contains(area.id) }
        var best: (id: String, fit: Double)?
        for measure in addressing {
            let f = fit(of: measure, available: available)
            if best == nil || f > best!.fit { best = (measure.id, f) }
        }
        if let score = area.resourcesScore {
            return ResourcesFactor(
                raw: score, n: score, bestMeasure: best?.id, isOverridden: true, hasNoMeasures: addressing.isEmpty)
        }
        guard hasData else { return nil }
        let raw = best?.fit ?? 0
        return ResourcesFactor(
            raw: raw, n: raw, bestMeasure: best?.id, isOverridden: false, hasNoMeasures: addressing.isEmpty)
    }
}
