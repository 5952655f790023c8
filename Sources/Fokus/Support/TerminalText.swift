/// Text made safe to show on a terminal.
///
/// Data files, rule files and notes are written by people and by other systems; a value holding an escape
/// sequence (`ESC [ 2 J`, an OSC 8 link, a title change) must not reach a terminal as a command. Fokus's own
/// output never uses control characters except line ends and tabs, so every other one is dropped.
package enum TerminalText {
    /// `text` without control characters: C0 controls other than tab, line feed and a carriage return that
    /// ends a line (`\r\n`), DEL, C1 controls (U+0080–U+009F), and the bidirectional overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069) that can make text display in another order than it reads.
    package static func sanitized(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        func keeps(_ index: Int) -> Bool {
            let scalar = scalars[index]
            if scalar == "\r" { return index + 1 < scalars.count && scalars[index + 1] == "\n" }
            return !isRemoved(scalar)
        }
        guard !scalars.indices.allSatisfy(keeps) else { return text }
        var result = String.UnicodeScalarView()
        for index in scalars.indices where keeps(index) { result.append(scalars[index]) }
        return String(result)
    }

    private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
