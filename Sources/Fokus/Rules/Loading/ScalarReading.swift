/// How Fokus reads plain (unquoted) scalars: decimal numbers with a decimal point, `true`/`false`.
///
/// Deliberately narrower than YAML 1.1 (no `yes`/`no`, hex, octal, `.inf` or sexagesimal numbers):
/// what a municipal editor writes means what it looks like.
enum PlainScalar {
    /// A decimal number such as `3`, `-0.5`, `.25` or `1e-3`; `nil` for anything else.
    static func number(_ text: String) -> Double? {
        var scalars = Substring(text)
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        var digits = 0
        var seenPoint = false
        var seenExponent = false
        var exponentDigits = 0
        var previous: Character?
        for character in scalars {
            if character.isASCIIDigit {
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            } else if character == ".", !seenPoint, !seenExponent {
                seenPoint = true
            } else if character == "e" || character == "E", !seenExponent, digits > 0 {
                seenExponent = true
            } else if character == "-" || character == "+", previous == "e" || previous == "E" {
                // the exponent's sign
            } else {
                return nil
            }
            previous = character
        }
        guard digits > 0, !seenExponent || exponentDigits > 0, let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    /// `true` or `false` in any letter case; `nil` for anything else.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// Whether `text` looks like a number written with a decimal comma, such as `0,40`.
    static func hasDecimalComma(_ text: String) -> Bool {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return number(String(parts[0])) != nil && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)
    }
}

extension YAMLScalar {
    /// A plain, untagged empty scalar, `~` or `null`: YAML's "nothing".
    var isNull: Bool {
        guard style == .plain, tag == nil else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(value)
    }

    /// Whether YAML would read this as text whatever it looks like (quoted, block or tagged `!!str`).
    var isExplicitText: Bool {
        style != .plain || tag == "tag:yaml.org,2002:str" || tag == "!"
    }
}

extension LoadContext {
    /// Reads a number; reports text, quoted numbers and decimal commas with how to fix them.
    /// - Parameter name: how the message names the value, such as `` `effect` ``.
    mutating func number(_ node: YAMLNode, named name: String) -> Double? {
        number(node, named: name, kind: "a number")
    }

    /// Reads a whole number (`3`, also `3.0`).
    mutating func wholeNumber(_ node: YAMLNode, named name: String) -> Int? {
        guard let value = number(node, named: name, kind: "a whole number") else { return nil }
        guard value.rounded() == value else {
            valueError(name, .notWhole(written: DataValues.abbreviated(node.scalarText)), at: node)
            return nil
        }
        guard abs(value) < 1e15 else {
            error(.tooLarge(name: name, written: DataValues.abbreviated(node.scalarText)), at: node)
            return nil
        }
        return Int(value)
    }

    private mutating func number(_ node: YAMLNode, named name: String, kind: String) -> Double? {
        let expected = DiagnosticText.ValueKind(rawValue: kind) ?? .number
        guard case .scalar(let scalar) = node else {
            valueError(name, .wrongKind(expected: expected, found: node.valueKind, written: nil), at: node)
            return nil
        }
        if !scalar.isExplicitText, let value = PlainScalar.number(scalar.value) { return value }
        let trimmed = scalar.value.trimmingSpaces()
        if scalar.isNull {
            valueError(name, .empty(expected: expected), at: node)
        } else if PlainScalar.hasDecimalComma(trimmed) {
            let fixed = String(trimmed.map { $0 == "," ? "." : $0 })
            valueError(name, .decimalComma(expected: expected, fixed: fixed, written: trimmed), at: node)
        } else if PlainScalar.number(trimmed) != nil {
            valueError(name, .quotedNumber(expected: expected, written: DataValues.abbreviated(scalar.value)), at: node)
        } else {
            valueError(name, .wrongKind(expected: expected, found: node.valueKind, written: DataValues.abbreviated(scalar.value)), at: node)
        }
        return nil
    }

    /// Reads `true` or `false`.
    mutating func boolean(_ node: YAMLNode, named name: String) -> Bool? {
        if case .scalar(let scalar) = node, !scalar.isExplicitText, let value = PlainScalar.boolean(scalar.value) {
            return value
        }
        if case .scalar(let scalar) = node, scalar.style == .plain,
            ["yes", "no", "on", "off", "y", "n", "ja", "nej"].contains(scalar.value.lowercased())
        {
            valueError(name, .notBoolean(written: scalar.value), at: node)
        } else {
            valueError(name, .booleanWrongKind(found: node.valueKind), at: node)
        }
        return nil
    }

    /// Reads text: any scalar that is not empty; a number or word written without quotes is text too.
    mutating func text(_ node: YAMLNode, named name: String) -> String? {
        guard case .scalar(let scalar) = node else {
            valueError(name, .wrongKind(expected: .text, found: node.valueKind, written: nil), at: node)
            return nil
        }
        guard !scalar.isNull, !scalar.value.trimmingSpaces().isEmpty else {
            valueError(name, .empty(expected: .value), at: node)
            return nil
        }
        return scalar.value
    }

    /// Reads a list of text items, each with its mark.
    mutating func textList(_ node: YAMLNode, named name: String) -> [(text: String, mark: YAMLMark)]? {
        guard case .sequence(let items, _) = node else {
            var written: String?
            if case .scalar(let scalar) = node, !scalar.isNull { written = scalar.value }
            valueError(name, .notAList(found: node.valueKind, scalar: written), at: node)
            return nil
        }
        var result: [(text: String, mark: YAMLMark)] = []
        for item in items {
            if let text = text(item, named: "each item of \(name)") { result.append((text, item.mark)) }
        }
        return result
    }

    /// Reads one of an enumeration's raw values, suggesting the closest on a typo.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, named name: String, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        let allowed = Choice.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            valueError(name, .notOneOf(options: allowed, found: node.valueKind, written: nil, suggestion: nil), at: node)
            return nil
        }
        if let value = Choice(rawValue: scalar.value.trimmingSpaces()) { return value }
        valueError(
            name,
            .notOneOf(
                options: allowed, found: node.valueKind, written: DataValues.abbreviated(scalar.value),
                suggestion: Suggestion.closest(to: scalar.value, among: allowed)),
            at: node)
        return nil
    }

    /// Records an error about a value, through its message id.
    private mutating func valueError(_ name: String, _ problem: DiagnosticText.ValueProblem, at node: YAMLNode) {
        diagnostics.append(.error(DiagnosticText.value(name: name, problem: problem), at: node.mark.location(in: file)))
    }
}
