import Foundation

/// Number formats of the human-readable renderers in one language (JSON and CSV keep full
/// precision with decimal points).
///
/// Swedish writes a decimal comma, a no-break space before `%` and groups amounts of five digits
/// or more in threes with a no-break space (`400 000`, but `2000`); English writes `0.824`, `56%`
/// and `400000`.
struct NumberFormatting: Sendable {
    let language: ReportLanguage

    /// The English formats, for messages that are not reports (diagnostics, JSON verdicts).
    static let english = NumberFormatting(language: .en)

    /// The space between a number and `%` and between digit groups in Swedish: U+00A0, so a
    /// figure never breaks across lines.
    static let noBreakSpace = "\u{00A0}"

    /// `0.712` / `0,712`.
    func fixed(_ value: Double?, _ digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return localised(String(format: "%.\(digits)f", value))
    }

    /// `+1.23` / `−0.40` (`+1,23` / `−0,40`).
    func signed(_ value: Double?, _ digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        return (value >= 0 ? "+" : "−") + localised(String(format: "%.\(digits)f", abs(value)))
    }

    /// A count or amount: whole numbers without decimals, others with two; grouped in Swedish.
    func amount(_ value: Double) -> String {
        let plain = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
        guard language == .sv else { return plain }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : Substring(plain)
        let whole = unsigned.prefix { $0 != "." }
        let fraction = unsigned.dropFirst(whole.count)
        return (negative ? "-" : "") + grouped(whole) + localised(String(fraction))
    }

    /// A share 0…1 as a whole percentage: `58%` / `58 %`.
    func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return withPercentSign(String(format: "%.0f", value * 100))
    }

    /// A share of samples as a percentage that never rounds to a misleading 0% or 100%:
    /// `<1%` above zero, `>99%` below one.
    func sampleShare(_ share: Double) -> String {
        let value = share * 100
        if value > 0 && value < 1 { return "<" + withPercentSign("1") }
        if value < 100 && value > 99 { return ">" + withPercentSign("99") }
        return withPercentSign(String(Int(value.rounded())))
    }

    private func withPercentSign(_ number: String) -> String {
        language == .sv ? number + Self.noBreakSpace + "%" : number + "%"
    }

    private func localised(_ pointed: String) -> String {
        language == .sv ? pointed.replacingOccurrences(of: ".", with: ",") : pointed
    }

    /// Digits in threes from the right, when there are five or more (Swedish custom leaves
    /// four-digit numbers whole).
    private func grouped(_ digits: Substring) -> String {
        guard digits.count >= 5 else { return String(digits) }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: Self.noBreakSpace)
    }
}
