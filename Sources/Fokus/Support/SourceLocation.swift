/// A place in an input file: a rule file, a test file or a data file.
///
/// Lines and columns are 1-based, as editors show them. Either may be unknown.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file's path, as the user gave it (relative paths stay relative).
    public internal(set) var file: String
    /// The 1-based line, when known.
    public internal(set) var line: Int?
    /// The 1-based column (in characters), when known.
    public internal(set) var column: Int?

    /// Creates a location.
    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
