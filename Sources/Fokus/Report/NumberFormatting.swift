import Foundation

/// Number formats shared by the human-readable renderers (JSON keeps full precision).
enum NumberFormatting {
    /// `0.712`.
    static func fixed(_ value: Double?, _ digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    /// `+1.23` / `−0.40`.
    static func signed(_ value: Double?, _ digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        return (value >= 0 ? "+" : "−") + String(format: "%.\(digits)f", abs(value))
    }

    /// A count or amount: whole numbers without decimals, others with up to two.
    static func amount(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.2f", value)
    }

    /// `58%`.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.0f%%", value * 100)
    }
}
