/// The ranges every numeric setting of a rule file must lie in.
///
/// Checked when the rules are loaded, so that an embedder gets a ``FokusError`` with the place, never a trap or a
/// silently meaningless result later (a weight of `1e308` overflows the sum of the weights; a baseline of
/// 10^14 periods cannot be allocated). The README lists them.
package enum RuleLimits {
    /// `trend.baseline_periods`.
    package static let baselinePeriods: ClosedRange<Int> = 1...100
    /// `trend.scale`.
    package static let trendScale: ClosedRange<Double> = 0.01...1_000
    /// Every weight, global or per area.
    package static let weight: ClosedRange<Double> = 0...1_000_000
    /// `sensitivity.samples` in a rule file (0, off, is for `--samples`).
    package static let samples: ClosedRange<Int> = 1...SensitivitySettings.maximumSamples
    /// `sensitivity.concentration`.
    package static let concentration = SensitivitySettings.concentrationRange
    /// A rule's `boost:` and `scale:`.
    package static let ruleAction: ClosedRange<Double> = -1_000_000...1_000_000
    /// A measure's cost per resource, and an amount of a resource available.
    package static let amount: ClosedRange<Double> = 0...1_000_000_000_000
    /// `select.min_score`.
    package static let minScore: ClosedRange<Double> = -1_000_000...1_000_000
}

extension LoadContext {
    /// Reads a number and checks that it lies in `range`, reporting `name`, the range and `hint` otherwise.
    mutating func number(_ node: YAMLNode, named name: String, in range: ClosedRange<Double>, hint: DiagnosticText.RangeNote? = nil)
        -> Double?
    {
        guard let value = number(node, named: name) else { return nil }
        guard range.contains(value) else {
            error(
                .outOfRange(
                    name: name, low: NumberText.plain(range.lowerBound), high: NumberText.plain(range.upperBound), note: hint,
                    written: node.scalarText),
                at: node)
            return nil
        }
        return value
    }

    /// Reads a whole number and checks that it lies in `range`.
    mutating func wholeNumber(_ node: YAMLNode, named name: String, in range: ClosedRange<Int>, hint: DiagnosticText.RangeNote? = nil)
        -> Int?
    {
        guard let value = wholeNumber(node, named: name) else { return nil }
        guard range.contains(value) else {
            error(
                .outOfRange(name: name, low: String(range.lowerBound), high: String(range.upperBound), note: hint, written: String(value)),
                at: node)
            return nil
        }
        return value
    }
}

extension NumberText {
    /// A limit as a message shows it: `0.01`, `1000000`.
    static func plain(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}
