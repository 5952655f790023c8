extension YAMLEvent {
    /// The event as a yaml-test-suite `test.event` line.
    var testSuiteLine: String {
        switch kind {
        case .streamStart:
            return "+STR"
        case .streamEnd:
            return "-STR"
        case .documentStart(let implicit):
            return implicit ? "+DOC" : "+DOC ---"
        case .documentEnd(let implicit):
            return implicit ? "-DOC" : "-DOC ..."
        case .alias(let anchor):
            return "=ALI *\(anchor)"
        case .scalar(let value, let style, let anchor, let tag):
            let indicator: String
            switch style {
            case .plain: indicator = ":"
            case .singleQuoted: indicator = "'"
            case .doubleQuoted: indicator = "\""
            case .literal: indicator = "|"
            case .folded: indicator = ">"
            }
            return "=VAL" + Self.properties(anchor: anchor, tag: tag) + " " + indicator + Self.escaped(value)
        case .sequenceStart(let anchor, let tag, let flow):
            return "+SEQ" + (flow ? " []" : "") + Self.properties(anchor: anchor, tag: tag)
        case .sequenceEnd:
            return "-SEQ"
        case .mappingStart(let anchor, let tag, let flow):
            return "+MAP" + (flow ? " {}" : "") + Self.properties(anchor: anchor, tag: tag)
        case .mappingEnd:
            return "-MAP"
        }
    }

    private static func properties(anchor: String?, tag: String?) -> String {
        var text = ""
        if let anchor { text += " &\(anchor)" }
        if let tag { text += " <\(tag)>" }
        return text
    }

    /// Escapes as the suite does: backslash, NUL, backspace, tab, newline and carriage return.
    private static func escaped(_ value: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\0": result += "\\0"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
