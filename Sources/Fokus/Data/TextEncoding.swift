/// How a data file's bytes become text.
///
/// UTF-8 (a leading byte-order mark is skipped) when every byte sequence in the file is valid
/// UTF-8; otherwise Windows-1252 for the whole file (SPEC 3.2), which also decodes ISO-8859-1
/// exports such as the national crime statistics database's.
enum TextEncoding: Sendable, Hashable {
    case utf8
    case windows1252

    /// Decodes bytes into a string.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Windows1252.scalar(for: byte)) }
            return String(scalars)
        }
    }

    /// Decodes bytes into a string.
    func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }
}

/// The Windows-1252 code page.
///
/// 0x00–0x7F and 0xA0–0xFF are the same code points as in Latin-1; 0x80–0x9F hold the
/// typographic characters (`€`, `„`, `–`, `’`, …). The five bytes Windows-1252 leaves undefined
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the Latin-1 control characters with the same
/// value, as the WHATWG Encoding Standard does, so no byte is ever lost or replaced.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The character a byte stands for.
    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }
}

/// A streaming UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
struct UTF8Validator: Sendable {
    private var needed = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private(set) var isValid = true

    /// Checks the next bytes; sequences may be split across calls.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard isValid, let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = 0
        while i < count {
            if needed == 0 {
                // ASCII fast path, eight bytes at a time.
                while i + 8 <= count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                if i >= count { break }
                let byte = base[i]
                i += 1
                switch byte {
                case 0x00...0x7F: continue
                case 0xC2...0xDF: needed = 1
                case 0xE0:
                    needed = 2
                    lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: needed = 2
                case 0xED:
                    needed = 2
                    upper = 0x9F
                case 0xF0:
                    needed = 3
                    lower = 0x90
                case 0xF1...0xF3: needed = 3
                case 0xF4:
                    needed = 3
                    upper = 0x8F
                default:
                    isValid = false
                    return
                }
            } else {
                let byte = base[i]
                i += 1
                guard byte >= lower && byte <= upper else {
                    isValid = false
                    return
                }
                lower = 0x80
                upper = 0xBF
                needed -= 1
            }
        }
    }

    /// Whether everything fed was valid and no sequence was left incomplete.
    func finish() -> Bool { isValid && needed == 0 }
}
