/// Plain-words advice for libyaml's most common syntax errors, appended to its own message.
enum YAMLSyntaxHints {
    /// A hint for `problem` (and libyaml's `context`) at `mark` in `text`, or `nil` when there is none.
    static func hint(problem: String, context: String?, at mark: YAMLMark, in text: String) -> DiagnosticText.YAMLHint? {
        let character = scalar(at: mark, in: text)
        switch problem {
        case "found character that cannot start any token":
            if character == "\t" { return .spacesNotTabs }
            if let character, "@`".unicodeScalars.contains(character) {
                return .quoteText(startingWith: String(character))
            }
            return .quoteTheText
        case "mapping values are not allowed in this context":
            return .quoteValueWithColon
        case "did not find expected key", "did not find expected '-' indicator":
            return .indentLikeAbove
        case "could not find expected ':'":
            return .keyColonValue
        case "found unexpected end of stream":
            if let context, context.contains("quoted scalar") { return .closeTheQuote }
            return nil
        case "did not find expected ',' or ']'":
            return .closeList
        case "did not find expected ',' or '}'":
            return .closeMapping
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return .spacesNotTabs
        default:
            return nil
        }
    }

    /// For "mapping values are not allowed" on a key indented further than the `key: value` line above it
    /// (`effect:` under `evidence: strong`): a message saying so, at the start of the indented key.
    static func overIndentedKey(at mark: YAMLMark, in text: String) -> (problem: DiagnosticText.YAMLProblem, mark: YAMLMark)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars }
        guard mark.line >= 2, mark.line <= lines.count else { return nil }
        func indentation(_ line: String.UnicodeScalarView.SubSequence) -> Int { line.prefix { $0 == " " }.count }
        func key(_ line: String.UnicodeScalarView.SubSequence) -> (name: String, column: Int, hasValue: Bool)? {
            var rest = line.dropFirst(indentation(line))
            var column = indentation(line) + 1
            if rest.starts(with: "- ".unicodeScalars) {
                rest = rest.dropFirst(2)
                column += 2
            }
            guard let colon = rest.firstIndex(where: { $0 == ":" }) else { return nil }
            let name = String(String.UnicodeScalarView(rest[..<colon]))
            guard !name.isEmpty, !name.contains(" "), !name.hasPrefix("#") else { return nil }
            let value = String(String.UnicodeScalarView(rest[rest.index(after: colon)...])).trimmingSpaces()
            return (name, column, !value.isEmpty && !value.hasPrefix("#"))
        }
        let line = lines[mark.line - 1]
        guard let indented = key(line), indentation(line) + 1 == indented.column else { return nil }
        var above = mark.line - 2
        while above >= 0 {
            let trimmed = String(String.UnicodeScalarView(lines[above])).trimmingSpaces()
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") { break }
            above -= 1
        }
        guard above >= 0, let parent = key(lines[above]), parent.hasValue, parent.column < indented.column else {
            return nil
        }
        return (
            .overIndentedKey(key: indented.name, parent: parent.name, spaces: indented.column - parent.column),
            YAMLMark(line: mark.line, column: indented.column)
        )
    }

    /// The Unicode scalar at a 1-based mark, if there is one.
    private static func scalar(at mark: YAMLMark, in text: String) -> Unicode.Scalar? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == mark.line, column == mark.column { return scalar }
            if line > mark.line { return nil }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }
}
