public import Foundation

/// A focus area the situation-picture group adopted for follow-up (`fokus adopt ID --from 2024`).
///
/// Identified by ``scope``, ``areaID`` and ``fromPeriod``: adopting the same triple again
/// replaces ``measures``, ``note`` and ``adoptedAt``.
public struct AdoptedArea: Hashable, Sendable {
    /// The area's id in the rules, such as `trafiksakerhet`.
    public var areaID: String
    /// The municipality or police area, such as `Kungsör`.
    public var scope: String
    /// The first period the area is followed from, as written in the rules (`2024`, `2024-Q1`).
    /// Indicators before it form the baseline.
    public var fromPeriod: String
    /// The ids of the measures decided for the area, in the order given.
    public var measures: [String]
    /// A free-text note, such as the meeting that decided it.
    public var note: String?
    /// When the adoption was recorded. Stored with millisecond precision.
    public var adoptedAt: Date

    /// Creates an adoption.
    /// - Parameters:
    ///   - areaID: the area's id in the rules.
    ///   - scope: the municipality or police area.
    ///   - fromPeriod: the first period followed up.
    ///   - measures: the ids of the measures decided.
    ///   - note: a free-text note.
    ///   - adoptedAt: when it was decided; now by default.
    public init(
        areaID: String,
        scope: String,
        fromPeriod: String,
        measures: [String] = [],
        note: String? = nil,
        adoptedAt: Date = Date()
    ) {
        self.areaID = areaID
        self.scope = scope
        self.fromPeriod = fromPeriod
        self.measures = measures
        self.note = note
        self.adoptedAt = adoptedAt
    }
}
