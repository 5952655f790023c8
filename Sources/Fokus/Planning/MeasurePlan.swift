/// The chosen, costed set of measures (SPEC 4 "Measure plan").
public struct MeasurePlan: Sendable, Hashable {
    /// The chosen measures, sorted by id.
    public internal(set) var measures: [PlannedMeasure]
    /// Σ of the chosen measures' values.
    public internal(set) var totalValue: Double
    /// Per resource: what was available, what the plan uses, what is left; sorted by name.
    public internal(set) var resources: [ResourceUse]
    /// How many measures addressed a selected area (the candidates).
    public internal(set) var candidateCount: Int
    /// Candidates not chosen, sorted by id, with their value.
    public internal(set) var notChosen: [PlannedMeasure]
    /// Whether the plan is proven to be the optimum (with SPEC 4.1's tie rules). `false` only when the catalogue
    /// is too hard to prove within the planner's time limit; the plan is then the best one found.
    public internal(set) var isProvenOptimal: Bool = true
    /// The most any plan can be worth: ``totalValue`` when proven, else a bound from the relaxation, so that
    /// `upperBound − totalValue` is the largest possible shortfall.
    public internal(set) var upperBound: Double = 0

    /// The chosen ids, sorted.
    public var measureIDs: [String] { measures.map(\.id) }
}

/// A candidate measure and its worth to this selection.
public struct PlannedMeasure: Sendable, Hashable {
    /// The measure's id.
    public internal(set) var id: String
    /// Its name.
    public internal(set) var name: String
    /// Σ over the selected areas it addresses of S(a) · effect · evidence weight.
    public internal(set) var value: Double
    /// The selected areas it addresses.
    public internal(set) var selectedAreas: [String]
    /// Its costs.
    public internal(set) var cost: [ResourceCost]
}

/// One resource in the plan.
public struct ResourceUse: Sendable, Hashable {
    /// The resource's name.
    public internal(set) var resource: String
    /// Available in the data (0 when the data does not name it).
    public internal(set) var available: Double
    /// Used by the chosen measures.
    public internal(set) var used: Double
    /// available − used.
    public var remaining: Double { available - used }
}
