import Foundation

/// A name as Fokus compares it: Unicode NFC, trimmed, fully case-folded (`ß` matches `ss`).
///
/// Categories, scopes, survey items, resources and event types all match through a `NameKey`
/// (SPEC 4.1 "Names"). Keys order by Unicode code point.
public struct NameKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The normalised form.
    public let folded: String

    /// Normalises `raw`.
    public init(_ raw: String) {
        self.init(alreadyFolded: NameKey.fold(raw))
    }

    /// A key from a form folded already (an archive's), without folding it again.
    init(alreadyFolded folded: String) {
        self.folded = folded
    }

    /// The normalised form.
    public var description: String { folded }

    // `folded` is always NFC, so two keys are equal exactly when their UTF-8 bytes are, and UTF-8 byte
    // order is code-point order: comparing and hashing the bytes gives the same answers as comparing
    // the strings, without normalising them again on every dictionary lookup.

    public static func < (lhs: NameKey, rhs: NameKey) -> Bool {
        compareBytes(lhs, rhs) < 0
    }

    public static func == (lhs: NameKey, rhs: NameKey) -> Bool {
        compareBytes(lhs, rhs) == 0
    }

    /// The order of two keys' UTF-8 bytes: negative, zero or positive.
    private static func compareBytes(_ lhs: NameKey, _ rhs: NameKey) -> Int {
        var left = lhs.folded
        var right = rhs.folded
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = min(a.count, b.count)
                if common > 0 {
                    let order = memcmp(a.baseAddress!, b.baseAddress!, common)
                    if order != 0 { return Int(order) }
                }
                return a.count - b.count
            }
        }
    }

    /// Hashes the length and three words of the bytes: the first, the middle and the last eight, which
    /// hold every byte of a name up to 24 bytes (nearly every municipality, category and item). Hashing
    /// every byte with `Hasher` cost a tenth of an all-municipalities run, and keeping a computed hash in
    /// every key cost 7 MB of its half a million (scope, month, category) cells.
    public func hash(into hasher: inout Hasher) {
        var folded = folded
        folded.withUTF8 { bytes in
            let count = bytes.count
            guard let base = bytes.baseAddress, count > 0 else { return hasher.combine(0 as UInt64) }
            let raw = UnsafeRawPointer(base)
            if count >= 8 {
                hasher.combine(raw.loadUnaligned(as: UInt64.self) &+ UInt64(truncatingIfNeeded: count))
                hasher.combine(raw.loadUnaligned(fromByteOffset: (count - 8) / 2, as: UInt64.self))
                hasher.combine(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            } else {
                var word = UInt64(truncatingIfNeeded: count)
                for i in 0..<count { word = word << 8 | UInt64(base[i]) }
                hasher.combine(word)
            }
        }
    }

    /// NFC, trim, full case folding, NFC again.
    ///
    /// Full case folding is computed as lower(upper(s)): it maps `ß` to `ss` and `ſ` to `s`,
    /// which the simple lowercase mapping does not.
    static func fold(_ raw: String) -> String {
        // ASCII is its own NFC: skip the normalisation (the result is the same).
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            return raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        }
        let trimmed = raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            return trimmed.lowercased()
        }
        return trimmed.uppercased().lowercased().precomposedStringWithCanonicalMapping
    }
}

extension String {
    /// Compares strings by Unicode code point, as Fokus orders ids.
    func precedesByCodePoint(_ other: String) -> Bool {
        unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
    }
}
