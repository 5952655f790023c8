/// A `when:`/`then:` rule that adjusts scores and the selection.
public struct Rule: Sendable, Identifiable {
    /// The id (`sharp-rise`).
    public internal(set) var id: String
    /// The condition; `nil` fires for every area.
    public internal(set) var condition: Expression?
    /// The actions, in the order written.
    public internal(set) var actions: [RuleAction]
    /// Why the rule exists, shown when it fires.
    public internal(set) var reason: String?
    /// Where the rule is defined.
    public internal(set) var location: SourceLocation?

    /// Creates a rule.
    package init(
        id: String, condition: Expression? = nil, actions: [RuleAction], reason: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.condition = condition
        self.actions = actions
        self.reason = reason
        self.location = location
    }
}

/// What a rule does when it fires.
public enum RuleAction: Sendable, Hashable {
    /// Adds to the score.
    case boost(Double)
    /// Multiplies the score.
    case scale(Double)
    /// Selects the area whatever its rank.
    case include
    /// Never selects the area (wins over include).
    case exclude
    /// Adds a note to the area's explanation.
    case note(String)
}
