/// A value bound to a `?` placeholder.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// `.text(value)`, or `.null` when `value` is `nil`.
    static func text(_ value: String?) -> SQLValue {
        value.map { .text($0) } ?? .null
    }

    /// `.integer(value)`, or `.null` when `value` is `nil`.
    static func integer(_ value: Int64?) -> SQLValue {
        value.map { .integer($0) } ?? .null
    }
}
