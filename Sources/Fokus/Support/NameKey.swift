import Foundation

/// A name as Fokus compares it: Unicode NFC, trimmed, fully case-folded (`ß` matches `ss`).
///
/// Categories, scopes, survey items, resources and event types all match through a `NameKey`
/// (SPEC 4.1 "Names"). Keys order by Unicode code point.
public struct NameKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The normalised form.
    public let folded: String
    /// The hash of ``folded``'s bytes, computed once: keys are looked up far more often than made.
    private let bytesHash: Int

    /// Normalises `raw`.
    public init(_ raw: String) {
        self.init(alreadyFolded: NameKey.fold(raw))
    }

    /// A key from a form folded already (an archive's), without folding it again.
    init(alreadyFolded folded: String) {
        var folded = folded
        var hasher = Hasher()
        folded.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.folded = folded
        bytesHash = hasher.finalize()
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
        lhs.bytesHash == rhs.bytesHash && compareBytes(lhs, rhs) == 0
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

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
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
