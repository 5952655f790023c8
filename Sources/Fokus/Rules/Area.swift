/// A candidate focus area, as defined in the rules.
public struct Area: Sendable, Hashable, Identifiable {
    /// The id used in rules, tests and reports (`trafik`).
    public internal(set) var id: String
    /// The display name (`Trafiksäkerhet och trafikrelaterad brottslighet`).
    public internal(set) var name: String
    /// Crime categories and event types that feed the crime trend, matched as ``NameKey``s.
    public internal(set) var categories: [String]
    /// Survey items that feed citizen concern, matched as ``NameKey``s.
    public internal(set) var surveyItems: [String]
    /// Who owns the area (`polis`, `kommun`); compared exactly in expressions.
    public internal(set) var owners: [String]
    /// Per-area weight overrides, applied to the normalised global weights (SPEC 4.1).
    public internal(set) var weightOverrides: [Factor: Double]
    /// Each signal's items for this area (`signals: {medarbetare: [...]}`), by signal id.
    public internal(set) var signalItems: [String: [String]]
    /// A fixed resources score overriding the computed one (`resources: {score: 0.6}`).
    public internal(set) var resourcesScore: Double?
    /// Where the area is defined.
    public internal(set) var location: SourceLocation?
    /// Where each of ``categories`` is written, in the same order (empty for an area made in code).
    public internal(set) var categoryLocations: [SourceLocation] = []

    /// Creates an area.
    package init(
        id: String, name: String, categories: [String] = [], surveyItems: [String] = [], owners: [String] = [],
        weightOverrides: [Factor: Double] = [:], signalItems: [String: [String]] = [:], resourcesScore: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.signalItems = signalItems
        self.id = id
        self.name = name
        self.categories = categories
        self.surveyItems = surveyItems
        self.owners = owners
        self.weightOverrides = weightOverrides
        self.resourcesScore = resourcesScore
        self.location = location
    }

    /// The distinct category keys, a category listed twice counting once. A crime code before a
    /// label (`0950 - Befogenhetsbedrägeri`) and `&nbsp;` are dropped, as in the data, so a
    /// category matches the statistics export's rows with or without the code.
    package var categoryKeys: [NameKey] { categories.map { NameKey(CrimeLabel.normalised($0)) }.uniqued() }
    /// The distinct survey-item keys.
    package var surveyItemKeys: [NameKey] { surveyItems.map(NameKey.init).uniqued() }
}

extension Array where Element: Hashable {
    /// The elements in order, each first occurrence only.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
