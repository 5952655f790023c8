/// One scored dimension of an area (SPEC 4). The order of the cases is the order of the score arithmetic.
public enum Factor: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The crime trend: latest period against the baseline.
    case crimeTrend = "crime_trend"
    /// What citizens say makes them feel unsafe.
    case citizenConcern = "citizen_concern"
    /// Whether the measures for the area can be afforded now.
    case resources = "resources"

    /// The key used in rule files (`crime_trend`, `citizen_concern`, `resources`).
    public var description: String { rawValue }
}

/// A weight per factor.
public struct FactorWeights: Sendable, Hashable {
    /// The crime-trend weight.
    public var crimeTrend: Double
    /// The citizen-concern weight.
    public var citizenConcern: Double
    /// The resources weight.
    public var resources: Double

    /// Creates weights.
    public init(crimeTrend: Double, citizenConcern: Double, resources: Double) {
        self.crimeTrend = crimeTrend
        self.citizenConcern = citizenConcern
        self.resources = resources
    }

    /// The SPEC default: 0.40 / 0.35 / 0.25.
    public static let `default` = FactorWeights(crimeTrend: 0.40, citizenConcern: 0.35, resources: 0.25)

    /// The weight of one factor.
    public subscript(factor: Factor) -> Double {
        get {
            switch factor {
            case .crimeTrend: crimeTrend
            case .citizenConcern: citizenConcern
            case .resources: resources
            }
        }
        set {
            switch factor {
            case .crimeTrend: crimeTrend = newValue
            case .citizenConcern: citizenConcern = newValue
            case .resources: resources = newValue
            }
        }
    }

    /// `w_t + w_c + w_r`, summed in that order.
    public var sum: Double { (crimeTrend + citizenConcern) + resources }

    /// Each weight divided by ``sum`` (SPEC 4.1); `nil` when the sum is 0.
    public func normalised() -> FactorWeights? {
        let total = sum
        guard total > 0 else { return nil }
        return FactorWeights(
            crimeTrend: crimeTrend / total, citizenConcern: citizenConcern / total, resources: resources / total)
    }
}
