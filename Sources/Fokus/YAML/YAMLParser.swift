internal import CYAML

/// Parses YAML text with the system libyaml into ``YAMLNode`` trees carrying 1-based marks.
///
/// Rejects duplicate mapping keys and bounds alias expansion (a "billion laughs" document
/// gets a clear error instead of exhausting memory).
public enum YAMLParser {
    /// Parses a single-document YAML text. An empty document gives `nil`.
    /// - Parameters:
    ///   - text: the YAML source.
    ///   - file: the path used in diagnostics.
    /// - Throws: ``FokusError`` with `file:line:column` for syntax errors, duplicate keys, alias bombs
    ///   and multi-document streams.
    public static func parse(_ text: String, file: String) throws(FokusError) -> YAMLNode? {
        throw FokusError("YAML parsing is not built yet", at: SourceLocation(file: file))
    }
}
