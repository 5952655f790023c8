/// What a `when:` expression can see of one area (SPEC 4 "Identifiers available in `when:`").
///
/// A factor that is missing is `nil` here, whatever the `missing:` policy does to the score.
public struct AreaFacts: Sendable, Hashable {
    /// `trend.z`.
    public var trendZ: Double?
    /// `trend.ratio`.
    public var trendRatio: Double?
    /// `trend.latest`.
    public var trendLatest: Double?
    /// `trend.baseline`.
    public var trendBaseline: Double?
    /// `concern.raw`.
    public var concernRaw: Double?
    /// `resources.raw`.
    public var resourcesRaw: Double?
    /// `n.trend`.
    public var nTrend: Double?
    /// `n.concern`.
    public var nConcern: Double?
    /// `n.resources`.
    public var nResources: Double?
    /// `score`: the score before the rule being evaluated.
    public var score: Double
    /// `area.id`.
    public var areaID: String
    /// `area.owners`.
    public var owners: [String]
    /// `ID.raw` per signal id; a missing signal has no entry.
    public var signalRaw: [String: Double]
    /// `n.ID` per signal id; a missing signal has no entry.
    public var signalN: [String: Double]

    /// Creates facts.
    public init(
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
