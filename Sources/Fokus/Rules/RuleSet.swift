/// A loaded, validated rule set: settings, areas, the measure catalogue and rules.
///
/// Load one with ``RuleSetLoader``; every field has the SPEC default when the file leaves it out.
public struct RuleSet: Sendable {
    /// The rule set's name (`Medborgarlöfte Kungsör`).
    public internal(set) var name: String?
    /// The scope to evaluate when the caller names none.
    public internal(set) var scope: String?
    /// Which period to evaluate.
    public internal(set) var period: PeriodChoice = .latest
    /// Trend settings.
    public internal(set) var trend = TrendSettings()
    /// The global weights as written (a factor left out weighs 0).
    public internal(set) var weights: FactorWeights = .default
    /// What a missing factor contributes to the score.
    public internal(set) var missing: MissingPolicy = .renormalise
    /// How areas are selected.
    public internal(set) var selection = SelectionSettings()
    /// How several survey items of one area combine.
    public internal(set) var concernAggregate: ConcernAggregate = .max
    /// Rank-stability sampling.
    public internal(set) var sensitivity = SensitivitySettings()
    /// Declared signals (SPEC 4.3), in declaration order.
    public internal(set) var signals: [Signal] = []
    /// `lang:`, the language of everything the rules' users read (SPEC 3.1); `nil` when not given
    /// (Swedish). A command's `--lang` wins over it.
    public internal(set) var language: ReportLanguage?
    /// Candidate focus areas, in file order.
    public internal(set) var areas: [Area] = []
    /// The measure catalogue, in file order.
    public internal(set) var measures: [Measure] = []
    /// Rules, in file order.
    public internal(set) var rules: [Rule] = []
    /// Load-time warnings (weights renormalised, …).
    public internal(set) var warnings: [Diagnostic] = []
    /// The files read, in order.
    public internal(set) var files: [String] = []

    /// Creates an empty rule set with the defaults.
    package init() {}
}

/// Which period an evaluation covers.
public enum PeriodChoice: Sendable, Hashable {
    /// The latest period with crime data for the scope, at year granularity.
    case latest
    /// A given period; its granularity is the evaluation's.
    case period(Period)
}

/// `trend:` settings.
public struct TrendSettings: Sendable, Hashable {
    /// K, the number of baseline periods (default 3).
    public internal(set) var baselinePeriods: Int = 3
    /// s, the logistic scale (default 1.5).
    public internal(set) var scale: Double = 1.5
    /// Creates the defaults.
    package init() {}
}

/// `missing:`: what a missing factor contributes to the score.
public enum MissingPolicy: String, Sendable, Hashable, CaseIterable {
    /// Leave the factor out and renormalise the remaining weights.
    case renormalise
    /// Count it as 0.
    case zero
    /// Count it as 0.5.
    case neutral
    /// Fail the evaluation (only when the factor's weight is > 0).
    case error
}

/// `select:`.
public struct SelectionSettings: Sendable, Hashable {
    /// Select at most this many, by rank.
    public internal(set) var top: Int? = 3
    /// Select only areas scoring at least this.
    public internal(set) var minScore: Double?
    /// Creates the default, top 3.
    package init() {}
}

/// `concern: {aggregate: …}`.
public enum ConcernAggregate: String, Sendable, Hashable, CaseIterable {
    /// The largest share among the area's items (default).
    case max
    /// The mean of the shares present.
    case mean
}

/// `sensitivity:` settings for rank stability.
public struct SensitivitySettings: Sendable, Hashable {
    /// Number of weight samples (default 2000).
    public var samples: Int = 2000
    /// Dirichlet concentration α (default 50).
    public var concentration: Double = 50
    /// Random seed (default 0).
    public var seed: UInt64 = 0
    /// What each sample varies (default: weights, counts and shares; SPEC 4.2).
    public var vary: Set<SensitivitySource> = Set(SensitivitySource.allCases)
    /// Creates the defaults.
    public init() {}
}

/// What a rank-stability sample draws anew (`sensitivity: {vary: [...]}`, SPEC 4.2).
public enum SensitivitySource: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The global weight vector, from Dirichlet(α·w).
    case weights
    /// Every crime-count cell that enters a trend, from Gamma(c + ½, 1).
    case counts
    /// Survey and signal shares with `respondents`, from Beta(k + ½, n − k + ½).
    case shares

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension SensitivitySettings {
    /// The most samples an evaluation draws (about 2.5 s for 30 areas).
    public static let maximumSamples = 100_000
    /// The accepted concentrations α: below 0.01 the draws are so extreme that the figures say nothing.
    public static let concentrationRange: ClosedRange<Double> = 0.01...1_000_000

    /// Checks that the settings can be used (as a rule file's `sensitivity:` is checked when it is loaded).
    /// - Throws: ``FokusError`` naming the setting and its accepted range.
    package func validate() throws(FokusError) {
        var problems: [Diagnostic] = []
        if !(0...Self.maximumSamples).contains(samples) {
            problems.append(
                .error(DiagnosticText.ruleFile(.samplesOutOfRange(samples: samples, maximum: Self.maximumSamples))))
        }
        if !Self.concentrationRange.contains(concentration) {
            problems.append(
                .error(DiagnosticText.ruleFile(.concentrationOutOfRange(written: "\(concentration)"))))
        }
        if !problems.isEmpty { throw FokusError(problems) }
    }
}
