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
        var text = text
        if text.withUTF8({ !containsRemoved($0) }) { return text }
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

    /// Whether UTF-8 `bytes` hold a scalar ``isRemoved(_:)`` removes, or a carriage return not followed by a
    /// line feed: the same test as on the scalars, on the bytes of their encodings, without decoding a long
    /// text (a whole report) that holds none.
    private static func containsRemoved(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
        for i in bytes.indices {
            switch bytes[i] {
            case 0x09, 0x0A: continue
            case 0x0D: if byte(i + 1) != 0x0A { return true }
            case 0x00...0x1F, 0x7F: return true
            case 0xC2: if (0x80...0x9F).contains(byte(i + 1)) { return true }  // U+0080…U+009F
            case 0xE2:  // U+202A…U+202E, U+2066…U+2069
                let (second, third) = (byte(i + 1), byte(i + 2))
                if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) {
                    return true
                }
            default: continue
            }
        }
        return false
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
