/// What one rule file contributes to a rule set, with the places needed for cross-file checks.
struct RuleFileContent {
    /// The file's path as the caller gave it.
    var file: String
    /// The top-level settings this file gives (other fields keep their defaults).
    var settings = RuleSet()
    /// The top-level settings this file gives, in the order written, with where each key is.
    var settingKeys: [(key: String, location: SourceLocation)] = []
    /// Whether the file has an `areas:` list with at least one item (valid or not), or could not be
    /// read far enough to tell: either way, "the rule set has no areas" would only add noise.
    var listsAreas = false
    /// Where the file's `areas:` key is, if it has one.
    var areasKeyLocation: SourceLocation?
    var areas: [AreaDraft] = []
    var measures: [MeasureDraft] = []
    var rules: [RuleDraft] = []

    init(file: String) {
        self.file = file
    }
}

/// An area as read, with the places later checks point at.
struct AreaDraft {
    var area: Area
    var idLocation: SourceLocation
    /// Where the area's `weights:` override is, if it has one.
    var weightsLocation: SourceLocation?
}

/// A measure as read, with the places later checks point at.
struct MeasureDraft {
    var measure: Measure
    var idLocation: SourceLocation
    /// Where each entry of `addresses` is, in order.
    var addressLocations: [SourceLocation]
}

/// A rule as read, with the place of its id.
struct RuleDraft {
    var rule: Rule
    var idLocation: SourceLocation
}
