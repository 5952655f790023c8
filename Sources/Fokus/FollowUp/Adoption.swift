/// A focus area the group adopted, to be followed up (SPEC 7).
public struct Adoption: Sendable, Hashable {
    /// The area's id.
    public var areaID: String
    /// The scope it was adopted for; `nil` applies to any scope.
    public var scope: String?
    /// The first period the area is a focus area.
    public var from: Period
    /// The measures decided for it.
    public var measures: [String]
    /// A free-text note.
    public var note: String?

    /// Creates an adoption.
    public init(areaID: String, scope: String? = nil, from: Period, measures: [String] = [], note: String? = nil) {
        self.areaID = areaID
        self.scope = scope
        self.from = from
        self.measures = measures
        self.note = note
    }
}
