/// Where a rule file stops being UTF-8, for a message that points at the first character it cannot read.
enum RuleFileEncoding {
    /// The first byte that does not begin a well-formed UTF-8 sequence, with its 1-based line and column
    /// (columns count characters, as editors do); `nil` when the bytes are UTF-8.
    static func firstInvalidByte(in bytes: [UInt8]) -> (byte: UInt8, line: Int, column: Int)? {
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (byte, line, column)
            }
            guard index + length <= bytes.count,
                bytes[(index + 1)..<(index + length)].allSatisfy({ (0x80...0xBF).contains($0) })
            else { return (byte, line, column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// The message for a file that is not UTF-8: what the first unreadable byte is in Windows-1252 (which
    /// includes Latin-1), the encoding such files are usually saved in.
    static func notUTF8Problem(byte: UInt8) -> DiagnosticText.RuleFileProblem {
        .notUTF8Byte(hex: String(byte, radix: 16, uppercase: true), character: String(Character(Windows1252.scalar(for: byte))))
    }
}
