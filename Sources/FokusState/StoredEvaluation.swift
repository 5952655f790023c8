public import Foundation

/// One recorded evaluation run: what ``StateStore/latestEvaluation(scope:period:)`` returns for
/// `--compare` and for the daemon's "what changed" check.
public struct StoredEvaluation: Hashable, Sendable, Identifiable {
    /// The row id; increases with every evaluation recorded.
    public let id: Int64
    /// The municipality or police area evaluated.
    public let scope: String
    /// The period evaluated, such as `2024`.
    public let period: String
    /// When the evaluation ran (the store's clock), with millisecond precision.
    public let evaluatedAt: Date
    /// A digest of the rules used (for example the SHA-256 of the rule files).
    public let rulesDigest: String
    /// The complete `report.json`, byte for byte as recorded.
    public let reportJSON: String
    /// The ids of the selected areas.
    public let selectedIDs: [String]

    /// Creates a stored evaluation (the store creates them; this is for tests and fakes).
    public init(
        id: Int64,
        scope: String,
        period: String,
        evaluatedAt: Date,
        rulesDigest: String,
        reportJSON: String,
        selectedIDs: [String]
    ) {
        self.id = id
        self.scope = scope
        self.period = period
        self.evaluatedAt = evaluatedAt
        self.rulesDigest = rulesDigest
        self.reportJSON = reportJSON
        self.selectedIDs = selectedIDs
    }
}
