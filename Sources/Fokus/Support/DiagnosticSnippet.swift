extension Diagnostic {
    /// The diagnostic compiler-style: its one-line ``description``, the source line it points at and
    /// a caret under the column; then, when it has a ``related`` place, a `note:` pointing there.
    ///
    /// ```
    /// rules/a.yaml:4:1: error: unknown key "wieghts"; did you mean "weights"?
    /// wieghts:
    /// ^
    /// ```
    ///
    /// - Parameter source: returns the text of a file named in the diagnostic, or `nil` when it is
    ///   not at hand (only the one-line form is shown then).
    /// - Returns: the rendering, lines separated by `\n`, without a final line break.
    public func rendered(source: (_ file: String) -> String?) -> String {
        rendered(in: .en, source: source)
    }

    /// The diagnostic compiler-style in `language` (see ``rendered(in:)``), with its source line and caret.
    public func rendered(in language: ReportLanguage, source: (_ file: String) -> String?) -> String {
        var lines = [language == .en && text == nil ? description : rendered(in: language)]
        if let location, let snippet = Self.snippet(at: location, in: source(location.file)) {
            lines += snippet
        }
        if let related {
            lines.append("\(related): " + (language == .sv ? "obs: " : "note: ") + Diagnostic.relatedNote(relatedNote, in: language))
            if let snippet = Self.snippet(at: related, in: source(related.file)) {
                lines += snippet
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The diagnostic compiler-style, with `source` as the text of the file it points at
    /// (and of its related place when that is in the same file).
    /// - Parameter source: the text of ``location``'s file.
    /// - Returns: the rendering, lines separated by `\n`, without a final line break.
    public func rendered(source: String) -> String {
        let file = location?.file
        return rendered { $0 == file ? source : nil }
    }

    /// The source line of `location` and a caret line under its column (tabs kept so the caret lines up).
    static func snippet(at location: SourceLocation, in text: String?) -> [String]? {
        guard let text, let lineNumber = location.line, lineNumber >= 1 else { return nil }
        var current = 1
        var lineText: Substring?
        var start = text.startIndex
        for index in text.indices where text[index] == "\n" || text[index] == "\r\n" {
            if current == lineNumber {
                lineText = text[start..<index]
                break
            }
            current += 1
            start = text.index(after: index)
        }
        if lineText == nil, current == lineNumber, start < text.endIndex {
            lineText = text[start...]
        }
        guard var line = lineText.map(String.init) else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        guard let column = location.column, column >= 1 else { return [line] }
        var caret = ""
        for scalar in line.unicodeScalars.prefix(column - 1) {
            caret += scalar == "\t" ? "\t" : " "
        }
        caret += "^"
        return [line, caret]
    }
}
