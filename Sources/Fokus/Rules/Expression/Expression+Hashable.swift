extension Expression: Hashable {
    /// Two conditions are the same when they are written the same (the text decides the parse).
    public static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
