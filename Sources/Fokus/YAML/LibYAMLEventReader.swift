internal import CYAML

/// Owns a libyaml `yaml_parser_t` over a copy of the input bytes and hands out ``YAMLEvent``s.
///
/// The parser and the input buffer are heap-allocated so their addresses stay fixed for libyaml,
/// and both are released in `deinit`. Not `Sendable`: one reader belongs to one parse.
final class LibYAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let file: String
    private let text: String
    private var finished = false

    /// Prepares to parse `text`; `file` names it in diagnostics.
    init(text: String, file: String) throws(FokusError) {
        self.file = file
        self.text = text
        let bytes = Array(text.utf8)
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            input.deallocate()
            throw FokusError([.error(DiagnosticText.yaml(.parserNotStarted), at: SourceLocation(file: file))])
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; after the stream ends, `streamEnd` again.
    /// - Throws: ``FokusError`` with libyaml's problem at its 1-based location.
    func next() throws(FokusError) -> YAMLEvent {
        if finished {
            return YAMLEvent(kind: .streamEnd, start: YAMLMark(line: 1, column: 1), end: YAMLMark(line: 1, column: 1))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            finished = true
            throw syntaxError()
        }
        defer { yaml_event_delete(&event) }
        let converted = Self.convert(event)
        if case .streamEnd = converted.kind { finished = true }
        return converted
    }

    // MARK: - Converting C events

    private static func convert(_ event: yaml_event_t) -> YAMLEvent {
        let start = mark(event.start_mark)
        let end = mark(event.end_mark)
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT:
            kind = .streamStart
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart(implicit: event.data.document_start.implicit != 0)
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd(implicit: event.data.document_end.implicit != 0)
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let bytes = scalar.value.map { UnsafeBufferPointer(start: $0, count: scalar.length) }
            let value = bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
            kind = .scalar(
                value: value, style: style(scalar.style), anchor: string(scalar.anchor), tag: string(scalar.tag))
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            kind = .sequenceStart(
                anchor: string(sequence.anchor), tag: string(sequence.tag),
                flow: sequence.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT:
            kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            kind = .mappingStart(
                anchor: string(mapping.anchor), tag: string(mapping.tag),
                flow: mapping.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT:
            kind = .mappingEnd
        default:
            // YAML_NO_EVENT and STREAM_END: treat as the end of the stream.
            kind = .streamEnd
        }
        return YAMLEvent(kind: kind, start: start, end: end)
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    // MARK: - Errors

    /// libyaml's error as a diagnostic: the problem at its mark, the context (an unclosed quote, say) as related.
    private func syntaxError() -> FokusError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        let problemMark: YAMLMark
        if state.error == YAML_READER_ERROR {
            problemMark = Self.mark(byteOffset: state.problem_offset, in: text)
        } else {
            problemMark = Self.mark(state.problem_mark)
        }
        if problem == "mapping values are not allowed in this context",
            let overIndented = YAMLSyntaxHints.overIndentedKey(at: problemMark, in: text)
        {
            return FokusError([.error(DiagnosticText.yaml(overIndented.problem), at: overIndented.mark.location(in: file))])
        }
        var character: String?
        if state.error == YAML_READER_ERROR, state.problem_value != -1 {
            character = "U+" + String(UInt32(truncatingIfNeeded: state.problem_value), radix: 16, uppercase: true)
        }
        var related: SourceLocation?
        let context = state.context.map { String(cString: $0) }
        if context != nil {
            let contextMark = Self.mark(state.context_mark)
            if contextMark != problemMark { related = contextMark.location(in: file) }
        }
        let hint = YAMLSyntaxHints.hint(problem: problem, context: context, at: problemMark, in: text)
        let syntax = DiagnosticText.yaml(
            .syntax(problem: problem, character: character, context: context, contextStart: related, hint: hint))
        return FokusError([
            .error(syntax, at: problemMark.location(in: file), related: related, relatedNote: Self.startNote(context))
        ])
    }

    /// The note at a syntax error's context mark: "while scanning a quoted scalar" → "a quoted scalar starts here".
    static func startNote(_ context: String?) -> String {
        guard var what = context else { return "it starts here" }
        for prefix in ["while scanning ", "while parsing "] where what.hasPrefix(prefix) { what.removeFirst(prefix.count) }
        return "\(what) starts here"
    }

    /// The 1-based line and column (in Unicode scalars, as libyaml counts) of a UTF-8 byte offset.
    static func mark(byteOffset: Int, in text: String) -> YAMLMark {
        var line = 1
        var column = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if offset >= byteOffset { break }
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return YAMLMark(line: line, column: column)
    }
}
