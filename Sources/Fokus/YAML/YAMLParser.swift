internal import CYAML

/// Parses YAML text with the system libyaml into ``YAMLNode`` trees carrying 1-based marks.
///
/// Rejects duplicate mapping keys and bounds alias expansion (a "billion laughs" document
/// gets a clear error instead of exhausting memory).
package enum YAMLParser {
    /// Parses a single-document YAML text. An empty document gives `nil`.
    ///
    /// Aliases are resolved into copies; when they would add more than 100,000 values in total
    /// the document is rejected at the alias that crosses the limit.
    ///
    /// - Parameters:
    ///   - text: the YAML source.
    ///   - file: the path used in diagnostics.
    /// - Returns: the document's root node, or `nil` when the text holds no document or an empty one.
    /// - Throws: ``FokusError`` with `file:line:column` for syntax errors, duplicate keys (every one,
    ///   each naming the first occurrence as ``Diagnostic/related``), alias bombs and multi-document streams.
    package static func parse(_ text: String, file: String) throws(FokusError) -> YAMLNode? {
        var repairs: [Diagnostic] = []
        let root = try parse(text, file: file, repairs: &repairs)
        if !repairs.isEmpty { throw FokusError(repairs) }
        return root
    }

    /// Parses like ``parse(_:file:)``, but repairs what can be read as meant instead of failing: a decimal
    /// comma inside `{ }` (`{ crime_trend: 0,40 }`, which YAML reads as `0` and a key `40`), or after a zero
    /// in `[ ]` (`[0,5]`), becomes the number meant (`0.40`), with an error in `repairs`. The caller can then
    /// check the rest of the file as written and report every problem at once.
    /// - Parameter repairs: receives an error for each repair.
    package static func parse(_ text: String, file: String, repairs: inout [Diagnostic]) throws(FokusError)
        -> YAMLNode?
    {
        let reader = try LibYAMLEventReader(text: text, file: file)
        var builder = YAMLTreeBuilder(file: file)
        let root = try builder.build(from: reader)
        repairs += builder.repairs
        return root
    }

    /// The parsing events of a whole YAML stream in the yaml-test-suite's `test.event` notation,
    /// one event a line (`+STR`, `+DOC ---`, `+MAP {}`, `=VAL &a <tag> :text`, `=ALI *a`, …).
    ///
    /// Meant for conformance tests and for debugging how libyaml reads a file: no tree is built, so
    /// aliases, duplicate keys and several documents are reported as written.
    ///
    /// - Parameters:
    ///   - text: the YAML source.
    ///   - file: the path used in diagnostics.
    /// - Returns: the event lines, without line terminators.
    /// - Throws: ``FokusError`` at the first syntax error.
    package static func testSuiteEvents(_ text: String, file: String = "<input>") throws(FokusError) -> [String] {
        let reader = try LibYAMLEventReader(text: text, file: file)
        var lines: [String] = []
        while true {
            let event = try reader.next()
            lines.append(event.testSuiteLine)
            if case .streamEnd = event.kind { return lines }
        }
    }
}
