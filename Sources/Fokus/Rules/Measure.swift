/// How well an effect is supported by evidence, and the weight that gives it in the plan.
public enum EvidenceGrade: String, Sendable, Hashable, CaseIterable {
    case strong, moderate, weak, untested

    /// strong 1.0, moderate 0.75, weak 0.5, untested 0.25 (SPEC 4).
    public var weight: Double {
        switch self {
        case .strong: 1.0
        case .moderate: 0.75
        case .weak: 0.5
        case .untested: 0.25
        }
    }
}

/// An intervention from the rules' catalogue.
public struct Measure: Sendable, Hashable, Identifiable {
    /// The id (`seniorinfo`).
    public internal(set) var id: String
    /// The display name.
    public internal(set) var name: String
    /// Ids of the areas it addresses.
    public internal(set) var addresses: [String]
    /// Cost per resource (`kommun_timmar: 40`), in the order written.
    public internal(set) var cost: [ResourceCost]
    /// Expected effect, 0…1.
    public internal(set) var effect: Double
    /// Evidence grade; `untested` when not given.
    public internal(set) var evidence: EvidenceGrade
    /// Where the measure is defined.
    public internal(set) var location: SourceLocation?

    /// Creates a measure.
    package init(
        id: String, name: String, addresses: [String], cost: [ResourceCost] = [], effect: Double,
        evidence: EvidenceGrade = .untested, location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.addresses = addresses
        self.cost = cost
        self.effect = effect
        self.evidence = evidence
        self.location = location
    }

    /// The sum of all its costs.
    public var totalCost: Double { cost.reduce(0) { $0 + $1.amount } }
}

/// One resource a measure uses, and how much of it.
public struct ResourceCost: Sendable, Hashable {
    /// The resource name as written (`polis_timmar`), matched as a ``NameKey``.
    public internal(set) var resource: String { didSet { resourceKey = NameKey(resource) } }
    /// ``resource``'s key.
    package private(set) var resourceKey: NameKey
    /// How much, ≥ 0.
    public internal(set) var amount: Double

    /// Creates a cost.
    package init(resource: String, amount: Double) {
        self.resource = resource
        self.amount = amount
        resourceKey = NameKey(resource)
    }
}
