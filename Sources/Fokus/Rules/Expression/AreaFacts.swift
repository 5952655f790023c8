/// What a `when:` expression can see of one area (SPEC 4 "Identifiers available in `when:`").
///
/// A factor that is missing is `nil` here, whatever the `missing:` policy does to the score.
package struct AreaFacts: Sendable, Hashable {
    /// `trend.z`.
    package var trendZ: Double?
    /// `trend.ratio`.
    package var trendRatio: Double?
    /// `trend.latest`.
    package var trendLatest: Double?
    /// `trend.baseline`.
    package var trendBaseline: Double?
    /// `concern.raw`.
    package var concernRaw: Double?
    /// `resources.raw`.
    package var resourcesRaw: Double?
    /// `n.trend`.
    package var nTrend: Double?
    /// `n.concern`.
    package var nConcern: Double?
    /// `n.resources`.
    package var nResources: Double?
    /// `score`: the score before the rule being evaluated.
    package var score: Double
    /// `area.id`.
    package var areaID: String
    /// `area.owners`.
    package var owners: [String]
    /// `ID.raw` per signal id; a missing signal has no entry.
    package var signalRaw: [String: Double]
    /// `n.ID` per signal id; a missing signal has no entry.
    package var signalN: [String: Double]

    /// Creates facts.
    package init(
        trendZ: Double? = nil, trendRatio: Double? = nil, trendLatest: Double? = nil, trendBaseline: Double? = nil,
        concernRaw: Double? = nil, resourcesRaw: Double? = nil, nTrend: Double? = nil, nConcern: Double? = nil,
        nResources: Double? = nil, score: Double, areaID: String, owners: [String] = [],
        signalRaw: [String: Double] = [:], signalN: [String: Double] = [:]
    ) {
        self.signalRaw = signalRaw
        self.signalN = signalN
        self.trendZ = trendZ
        self.trendRatio = trendRatio
        self.trendLatest = trendLatest
        self.trendBaseline = trendBaseline
        self.concernRaw = concernRaw
        self.resourcesRaw = resourcesRaw
        self.nTrend = nTrend
        self.nConcern = nConcern
        self.nResources = nResources
        self.score = score
        self.areaID = areaID
        self.owners = owners
    }
}
