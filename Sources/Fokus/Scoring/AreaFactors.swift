/// The weight-independent facts of one area: its factors, computed once per evaluation.
struct AreaFactors: Sendable {
    let area: Area
    var trend: TrendFactor?
    var concern: ConcernFactor?
    /// `nil` when the scope has no resource data and the area sets no score (SPEC 4.2).
    var resources: ResourcesFactor?
    /// One entry per declared signal, in declaration order; `nil` when missing (SPEC 4.3).
    var signals: [SignalFactor?]
    /// Whether any data speaks for the area (SPEC 4.2 "Evidence"), decided on the observed data.
    let hasEvidence: Bool

    init(
        area: Area, trend: TrendFactor?, concern: ConcernFactor?, resources: ResourcesFactor?,
        signals: [SignalFactor?]
    ) {
        self.area = area
        self.trend = trend
        self.concern = concern
        self.resources = resources
        self.signals = signals
        let counted = trend.map { $0.latest + $0.baseline > 0 } ?? false
        hasEvidence = counted || concern != nil || signals.contains { $0 != nil }
    }

    /// The normalised value of a factor, `nil` when missing.
    func n(_ factor: Factor) -> Double? {
        switch factor {
        case .crimeTrend: trend?.n
        case .citizenConcern: concern?.n
        case .resources: resources?.n
        case .signal(let id): signals.lazy.compactMap { $0 }.first { $0.id == id }?.n
        }
    }

    /// What `when:` expressions see, with `score` as given.
    func facts(score: Double) -> AreaFacts {
        var raw: [String: Double] = [:]
        var n: [String: Double] = [:]
        for case let signal? in signals {
            raw[signal.id] = signal.raw
            n[signal.id] = signal.n
        }
        return AreaFacts(
            trendZ: trend?.z, trendRatio: trend?.ratio, trendLatest: trend?.latest, trendBaseline: trend?.baseline,
            concernRaw: concern?.raw, resourcesRaw: resources?.raw, nTrend: trend?.n, nConcern: concern?.n,
            nResources: resources?.n, score: score, areaID: area.id, owners: area.owners, signalRaw: raw, signalN: n)
    }
}
