/// One scored dimension of an area (SPEC 4 and 4.3): the three built-in factors, then the signals a
/// rule set declares. Everywhere an order matters (normalisation sums, score arithmetic, the Dirichlet
/// draw) it is crime_trend, citizen_concern, resources, then the signals in declaration order.
public enum Factor: Sendable, Hashable, CustomStringConvertible {
    /// The crime trend: latest period against the baseline.
    case crimeTrend
    /// What citizens say makes them feel unsafe (survey rows without a source).
    case citizenConcern
    /// Whether the measures for the area can be afforded now.
    case resources
    /// A declared signal (SPEC 4.3), by its id: what staff or a citizen dialogue report.
    case signal(String)

    /// The built-in factors, in arithmetic order.
    package static let builtIn: [Factor] = [.crimeTrend, .citizenConcern, .resources]

    /// The key used in rule files and `report.json` (`crime_trend`, …, or the signal's id).
    public var key: String {
        switch self {
        case .crimeTrend: "crime_trend"
        case .citizenConcern: "citizen_concern"
        case .resources: "resources"
        case .signal(let id): id
        }
    }

    /// The factor a rule-file key names, given the declared signal ids; `nil` for anything else.
    package init?(key: String, signals: [String] = []) {
        switch key {
        case "crime_trend": self = .crimeTrend
        case "citizen_concern": self = .citizenConcern
        case "resources": self = .resources
        default:
            guard signals.contains(key) else { return nil }
            self = .signal(key)
        }
    }

    /// The signal id, for a signal.
    public var signalID: String? {
        if case .signal(let id) = self { return id }
        return nil
    }

    /// The key used in rule files.
    public var description: String { key }
}

/// A weight per factor: the three built-in ones and one per declared signal, in declaration order.
public struct FactorWeights: Sendable, Hashable {
    /// The crime-trend weight.
    public internal(set) var crimeTrend: Double
    /// The citizen-concern weight.
    public internal(set) var citizenConcern: Double
    /// The resources weight.
    public internal(set) var resources: Double
    /// The signals' weights, in declaration order.
    public private(set) var signals: [SignalWeight]

    /// A signal's weight.
    public struct SignalWeight: Sendable, Hashable {
        /// The signal's id.
        public internal(set) var id: String
        /// Its weight.
        public internal(set) var weight: Double
    }

    /// Creates weights; `signals` lists (id, weight) in declaration order.
    package init(crimeTrend: Double, citizenConcern: Double, resources: Double, signals: [(String, Double)] = []) {
        self.crimeTrend = crimeTrend
        self.citizenConcern = citizenConcern
        self.resources = resources
        self.signals = signals.map { SignalWeight(id: $0.0, weight: $0.1) }
    }

    /// The SPEC default: 0.40 / 0.35 / 0.25 (signals weigh 0).
    public static let `default` = FactorWeights(crimeTrend: 0.40, citizenConcern: 0.35, resources: 0.25)

    /// Every factor these weights cover, in arithmetic order.
    public var factors: [Factor] { Factor.builtIn + signals.map { .signal($0.id) } }

    /// The weight of one factor; 0 for a signal these weights do not list. Setting a signal's weight
    /// that is not listed appends it.
    public subscript(factor: Factor) -> Double {
        get {
            switch factor {
            case .crimeTrend: crimeTrend
            case .citizenConcern: citizenConcern
            case .resources: resources
            case .signal(let id): signals.first { $0.id == id }?.weight ?? 0
            }
        }
        set {
            switch factor {
            case .crimeTrend: crimeTrend = newValue
            case .citizenConcern: citizenConcern = newValue
            case .resources: resources = newValue
            case .signal(let id):
                if let index = signals.firstIndex(where: { $0.id == id }) {
                    signals[index].weight = newValue
                } else {
                    signals.append(SignalWeight(id: id, weight: newValue))
                }
            }
        }
    }

    /// `w_t + w_c + w_r + w_g1 + …`, summed in that order.
    public var sum: Double { signals.reduce((crimeTrend + citizenConcern) + resources) { $0 + $1.weight } }

    /// Each weight divided by ``sum`` (SPEC 4.1, 4.3); `nil` when the sum is 0 or not finite.
    package func normalised() -> FactorWeights? {
        let total = sum
        guard total > 0, total.isFinite else { return nil }
        var result = self
        result.crimeTrend /= total
        result.citizenConcern /= total
        result.resources /= total
        for index in result.signals.indices { result.signals[index].weight /= total }
        return result
    }

    /// The same weights listing exactly `signalIDs`, in that order (a signal not given weighs 0).
    func aligned(to signalIDs: [String]) -> FactorWeights {
        var result = self
        result.signals = signalIDs.map { id in SignalWeight(id: id, weight: self[.signal(id)]) }
        return result
    }
}
