/// Plain-words advice for libyaml's most common syntax errors, appended to its own message.
enum YAMLSyntaxHints {
    /// A hint for `problem` (and libyaml's `context`) at `mark` in `text`, or `nil` when there is none.
    static func hint(problem: String, context: String?, at mark: YAMLMark, in text: String) -> String? {
        let character = scalar(at: mark, in: text)
        switch problem {
        case "found character that cannot start any token":
            if character == "\t" { return "indent with spaces, not tabs" }
            if let character, "@`".unicodeScalars.contains(character) {
                return "text starting with \"\(character)\" must be put in quotes"
            }
            return "put the text in quotes"
        case "mapping values are not allowed in this context":
            return "if a value contains \": \", put the whole value in quotes, or check the indentation"
        case "did not find expected key", "did not find expected '-' indicator":
            return "check that this line is indented like the lines above it"
        case "could not find expected ':'":
            return "write a key as `key: value`, with a colon and a space"
        case "found unexpected end of stream":
            if let context, context.contains("quoted scalar") { return "close the quote" }
            return nil
        case "did not find expected ',' or ']'":
            return "separate list items with commas and close the list with ]"
        case "did not find expected ',' or '}'":
            return "separate entries with commas and close the mapping with }"
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return "indent with spaces, not tabs"
        default:
            return nil
        }
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
