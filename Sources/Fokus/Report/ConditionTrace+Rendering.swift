import Foundation

extension ConditionTrace {
    /// The trace on one line, in `language`: each comparison with its values and ✔ or ✘, and for a false
    /// one how far off it is.
    ///
    /// `trend.z 2,30 ≥ 2 ✔, concern.raw 0,29 ≥ 0,30 ✘ (0,01 under)`; `and` joins with commas, `or` with
    /// `eller`/`or`, and `not (…)` carries its own mark.
    package func rendered(language: ReportLanguage = .sv) -> String {
        ConditionTraceRenderer(strings: ReportStrings(language)).render(root, nested: false)
    }
}

/// Renders ``ConditionTrace`` parts with a language's words and number formats.
struct ConditionTraceRenderer {
    let strings: ReportStrings

    func render(_ part: ConditionTrace.Part, nested: Bool) -> String {
        switch part {
        case .all(let parts, _):
            let joined = parts.map { render($0, nested: true) }
            return nested
                ? "(" + joined.joined(separator: " \(strings.traceAnd) ") + ")" : joined.joined(separator: ", ")
        case .any(let parts, _):
            let joined = parts.map { render($0, nested: true) }.joined(separator: " \(strings.traceOr) ")
            return nested ? "(" + joined + ")" : joined
        case .not(let inner, let holds):
            return "\(strings.traceNot) (\(render(inner, nested: false))) \(mark(holds))"
        case .comparison(let c):
            return comparison(c)
        case .membership(let m):
            let op = m.negated ? "not in" : "in"
            return "\(side(m.left, digits: 2)) \(op) \(side(m.right, digits: 2)) \(mark(m.holds))"
        case .other(let text, let holds):
            return "\(text) \(mark(holds))"
        }
    }

    private func mark(_ holds: Bool) -> String { holds ? "✔" : "✘" }

    private func comparison(_ c: ConditionTrace.Comparison) -> String {
        let numbers = [c.left.value, c.right.value].compactMap { value -> Double? in
            if case .number(let number?) = value { return number }
            return nil
        }
        let digits = Self.digits(distinguishing: numbers)
        var text = "\(side(c.left, digits: digits)) \(Self.symbol(c.op)) \(side(c.right, digits: digits)) \(mark(c.holds))"
        if let gap = c.gap { text += " (\(describe(gap, digits: digits)))" }
        return text
    }

    private func describe(_ gap: ConditionTrace.Gap, digits: Int) -> String {
        switch gap {
        case .under(let amount): strings.traceUnder(figure(amount, digits: Self.digits(showing: amount, from: digits)))
        case .over(let amount): strings.traceOver(figure(amount, digits: Self.digits(showing: amount, from: digits)))
        case .differs(let amount):
            strings.traceDiffers(figure(amount, digits: Self.digits(showing: amount, from: digits)))
        case .equal: strings.traceEqual
        case .missing: strings.traceNoValue
        case .different: strings.traceDifferent
        }
    }

    /// A side: a literal as its value, anything else as written followed by its value.
    private func side(_ side: ConditionTrace.Side, digits: Int) -> String {
        if side.isLiteral {
            if case .number(let number?) = side.value { return figure(number, digits: digits) }
            return side.text
        }
        return "\(side.text) \(value(side.value, digits: digits))"
    }

    private func value(_ value: ConditionTrace.Value, digits: Int) -> String {
        switch value {
        case .number(let number?): figure(number, digits: digits)
        case .number(nil): strings.missing
        case .string(let text): "\"\(text)\""
        case .boolean(let truth): truth ? "true" : "false"
        case .list(let items): "[" + items.map { self.value($0, digits: digits) }.joined(separator: ", ") + "]"
        }
    }

    /// A whole number as it is (`2`), any other with `digits` decimals in the language's format.
    private func figure(_ number: Double, digits: Int) -> String {
        if number == number.rounded(), Swift.abs(number) < 1e12 { return strings.number.fixed(number, 0) }
        return strings.number.fixed(number, digits)
    }

    /// At least two decimals, more (up to six) while two different numbers would look the same.
    static func digits(distinguishing numbers: [Double]) -> Int {
        var digits = 2
        while digits < 6, numbers.count == 2, numbers[0] != numbers[1],
            String(format: "%.\(digits)f", numbers[0]) == String(format: "%.\(digits)f", numbers[1])
        {
            digits += 1
        }
        return digits
    }

    /// `digits`, or more (up to six) so that a gap above zero does not show as zero.
    static func digits(showing amount: Double, from digits: Int) -> Int {
        var digits = digits
        while digits < 6, amount > 0, Double(String(format: "%.\(digits)f", amount)) == 0 { digits += 1 }
        return digits
    }

    /// `>=` → `≥` and so on.
    static func symbol(_ op: String) -> String {
        switch op {
        case ">=": "≥"
        case "<=": "≤"
        case "!=": "≠"
        case "==": "="
        default: op
        }
    }
}
