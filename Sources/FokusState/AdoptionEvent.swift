public import Foundation

/// One change to the adopted focus areas, as `fokus adopted --history` lists it.
public struct AdoptionEvent: Hashable, Sendable {
    /// What happened.
    public enum Action: String, Hashable, Sendable {
        /// The area was adopted for the scope from the period.
        case adopted
        /// Its measures or note were corrected by adopting the same area and period again.
        case corrected
        /// The adoption was removed (`fokus adopt ID --from P --remove`).
        case removed
    }

    /// The row's number: events are listed in this order.
    public var id: Int64
    /// What happened.
    public var action: Action
    /// The area's id in the rules.
    public var areaID: String
    /// The municipality or police area.
    public var scope: String
    /// The first period of the adoption.
    public var fromPeriod: String
    /// The measures after the change (for a removal: those the adoption had).
    public var measures: [String]
    /// The note after the change (for a removal: the one the adoption had).
    public var note: String?
    /// When the change was made.
    public var recordedAt: Date

    /// Creates an event.
    public init(
        id: Int64, action: Action, areaID: String, scope: String, fromPeriod: String, measures: [String],
        note: String?, recordedAt: Date
    ) {
        self.id = id
        self.action = action
        self.areaID = areaID
        self.scope = scope
        self.fromPeriod = fromPeriod
        self.measures = measures
        self.note = note
        self.recordedAt = recordedAt
    }
}
