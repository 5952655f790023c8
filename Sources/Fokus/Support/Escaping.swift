/// Text made safe for the formats Fokus writes: one function per format, shared by every writer in the package
/// (`report.json`, the rule tests' JSON and JUnit XML, `fokus init`'s YAML, the HTML report and the daemon's mail).
package enum Escaping {
    /// `text` as one field of a comma-separated file (RFC 4180): quoted, quotes doubled, when it holds a comma,
    /// a quote or a line break; else as it is.
    package static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as a comma-separated file's field: as in JSON (`12`, `0.4375`), empty when missing or not finite.
    package static func csvNumber(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONValue.number(value).serialized()
    }

    /// `text` as a JSON string literal, quotes included (RFC 8259): `"` and `\` escaped, line breaks and tabs as
    /// `\n`, `\r`, `\t`, other control characters as `\u00XX`. Everything else is written as it is (UTF-8).
    package static func jsonString(_ text: String) -> String {
        var out = ""
        appendJSONString(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal to `out` (see ``jsonString(_:)``).
    package static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        // Most text needs nothing escaped: then it is written as it is, without going scalar by scalar.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += unicodeEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Text safe in XML attribute values and content: the five special characters as entities, and the
    /// characters XML 1.0 cannot hold at all (control characters other than tab and line breaks, U+FFFE, U+FFFF)
    /// left out.
    package static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as a double-quoted YAML scalar, which reads back as exactly `text` whatever it holds (`a: b`,
    /// `[x]`, `null`, `@x`, `Ale #2`, quotes, backslashes, line breaks, control and invisible characters).
    package static func yamlDoubleQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                    || (0x2028...0x2029).contains(scalar.value)
                {
                    quoted += unicodeEscape(scalar)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// HTML text content: `&`, `<` and `>` as entities.
    package static func htmlText(_ text: String) -> String { html(text, attribute: false) }

    /// An HTML attribute value: `&`, `<`, `>`, `"` and `'` as entities, line breaks as spaces (one
    /// per character of a `\r\n`).
    package static func htmlAttribute(_ text: String) -> String { html(text, attribute: true) }

    private static func html(_ text: String, attribute: Bool) -> String {
        // Most text holds none of the characters replaced below: then it is returned as it is, without
        // going character by character.
        let special: (UInt8) -> Bool =
            attribute
            ? {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                    || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
            }
            : { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        if !text.utf8.contains(where: special) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&#39;"
            case "\n" where attribute, "\r" where attribute: out += " "
            case "\r\n" where attribute: out += "  "
            default: out.append(character)
            }
        }
        return out
    }

    /// `\uXXXX` for a scalar below U+10000 (JSON and YAML spell it the same).
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
