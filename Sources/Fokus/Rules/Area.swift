/// A candidate focus area, as defined in the rules.
public struct Area: Sendable, Hashable, Identifiable {
    /// The id used in rules, tests and reports (`trafik`).
    public internal(set) var id: String
    /// The display name (`Trafiksäkerhet och trafikrelaterad brottslighet`).
    public internal(set) var name: String
    /// Crime categories and event types that feed the crime trend, matched as ``NameKey``s.
    public internal(set) var categories: [String] { didSet { categoryKeys = Self.categoryKeys(categories) } }
    /// Survey items that feed citizen concern, matched as ``NameKey``s.
    public internal(set) var surveyItems: [String] { didSet { keyedSurveyItems = surveyItems.map(KeyedName.init) } }
    /// Who owns the area (`polis`, `kommun`); compared exactly in expressions.
    public internal(set) var owners: [String]
    /// Per-area weight overrides, applied to the normalised global weights (SPEC 4.1).
    public internal(set) var weightOverrides: [Factor: Double]
    /// Each signal's items for this area (`signals: {medarbetare: [...]}`), by signal id.
    public internal(set) var signalItems: [String: [String]] {
        didSet { keyedSignalItems = signalItems.mapValues { $0.map(KeyedName.init) } }
    }
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
        categoryKeys = Self.categoryKeys(categories)
        keyedSurveyItems = surveyItems.map(KeyedName.init)
        keyedSignalItems = signalItems.mapValues { $0.map(KeyedName.init) }
    }

    // The keys below are folded once, when the area is made or changed, not on every evaluation.

    /// The distinct category keys, a category listed twice counting once. A crime code before a
    /// label (`0950 - Befogenhetsbedrägeri`) and `&nbsp;` are dropped, as in the data, so a
    /// category matches the statistics export's rows with or without the code.
    package private(set) var categoryKeys: [NameKey]
    /// ``surveyItems`` with their keys, in the same order.
    package private(set) var keyedSurveyItems: [KeyedName]
    /// ``signalItems`` with their keys.
    package private(set) var keyedSignalItems: [String: [KeyedName]]
    /// The distinct survey-item keys.
    package var surveyItemKeys: [NameKey] { keyedSurveyItems.map(\.key).uniqued() }

    private static func categoryKeys(_ categories: [String]) -> [NameKey] {
        categories.map { NameKey(CrimeLabel.normalised($0)) }.uniqued()
    }
}

/// A name from the rules with its ``NameKey``.
package struct KeyedName: Sendable, Hashable {
    /// The name as written.
    package let name: String
    /// Its key.
    package let key: NameKey

    package init(_ name: String) {
        self.name = name
        key = NameKey(name)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each first occurrence only.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
