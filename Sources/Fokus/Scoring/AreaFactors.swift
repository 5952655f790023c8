/// The weight-independent facts of one area: its three factors, computed once per evaluation.
struct AreaFactors: Sendable {
    let area: Area
    let trend: TrendFactor?
    let concern: ConcernFactor?
    let resources: ResourcesFactor

    /// The normalised value of a factor, `nil` when missing.
    func n(_ factor: Factor) -> Double? {
        switch factor {
        case .crimeTrend: trend?.n
        case .citizenConcern: concern?.n
        case .resources: resources.n
        }
    }

    /// What `when:` expressions see, with `score` as given.
    func facts(score: Double) -> AreaFacts {
        AreaFacts(
            trendZ: trend?.z, trendRatio: trend?.ratio, trendLatest: trend?.latest, trendBaseline: trend?.baseline,
            concernRaw: concern?.raw, resourcesRaw: resources.raw, nTrend: trend?.n, nConcern: concern?.n,
            nResources: resources.n, score: score, areaID: area.id, owners: area.owners)
    }
}
