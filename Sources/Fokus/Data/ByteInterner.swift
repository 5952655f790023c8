import Foundation

/// Interns byte strings (a field's raw bytes) to small numbers 0, 1, 2, … in order of first sight.
///
/// What keeps a large events file cheap: each row's scope and category cost one hash of a few bytes
/// and one comparison, never a `String` or a dictionary of strings; a spelling is decoded, validated
/// and folded once, when first seen. Open addressing, the slot holding the entry's number and half its
/// hash; a byte string of up to 32 bytes (any scope or category) is read as four words, hashed a word
/// at a time and compared as four words and a length, without a call to `memcmp`.
struct ByteInterner {
    /// Per slot: the entry's number plus one in the low 32 bits (0: free) and its hash's high 32 bits.
    private var table = [UInt64](repeating: 0, count: 64)
    private var hashes: [UInt64] = []
    /// Per entry of up to 32 bytes: its bytes as four words, zero-padded, then its length (others: zeros).
    private var records: [UInt64] = []
    private var starts: [Int] = [0]
    private var storage: [UInt8] = []

    /// How many distinct byte strings were seen.
    var count: Int { hashes.count }

    /// The longest byte string compared as words.
    private static let shortLength = 32

    /// The number of `bytes`: the same for the same bytes, `count` (before the call) for new ones.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        guard n <= ByteInterner.shortLength, n > 0, let base = bytes.baseAddress else { return internLong(bytes) }
        // The bytes as four words: whole words loaded, the last partial one taken from the last eight bytes
        // (or byte by byte, for fewer than eight).
        let raw = UnsafeRawPointer(base)
        let whole = n >> 3
        let rest = n & 7
        var partial: UInt64 = 0
        if n >= 8 {
            let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            partial = rest == 0 ? 0 : last >> UInt64(64 - 8 * rest)
        } else {
            for i in 0..<n { partial |= UInt64(base[i]) << UInt64(8 * i) }
        }
        @inline(__always)
        func word(_ i: Int) -> UInt64 {
            i < whole ? raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self) : i == whole ? partial : 0
        }
        return intern(words: (word(0), word(1), word(2), word(3)), bytes)
    }

    /// ``intern(_:)`` for the `count` bytes at `start` when at least 32 bytes from `start` can be read
    /// (a buffer with room after its end): the four words are loaded whole and masked, with no branch
    /// on the length.
    @inline(__always)
    mutating func intern(padded start: UnsafePointer<UInt8>, count n: Int) -> Int {
        guard n <= ByteInterner.shortLength, n > 0 else { return internLong(UnsafeBufferPointer(start: start, count: n)) }
        let raw = UnsafeRawPointer(start)
        let bits = n &* 8
        @inline(__always)
        func word(_ i: Int) -> UInt64 {
            // The bits of word `i` that belong to the string: all, the low `left`, or none.
            let left = bits &- 64 &* i
            let mask = left >= 64 ? UInt64.max : left <= 0 ? 0 : (1 &<< UInt64(truncatingIfNeeded: left)) &- 1
            return raw.loadUnaligned(fromByteOffset: 8 &* i, as: UInt64.self) & mask
        }
        return intern(words: (word(0), word(1), word(2), word(3)), UnsafeBufferPointer(start: start, count: n))
    }

    /// The number of a byte string of 1–32 bytes read as four words (zero-padded, little-endian).
    /// The words are hashed each by its own multiplier (four independent products) and compared as
    /// four words and a length.
    @inline(__always)
    private mutating func intern(words key: (UInt64, UInt64, UInt64, UInt64), _ bytes: UnsafeBufferPointer<UInt8>)
        -> Int
    {
        let n = bytes.count
        var hash = (key.0 ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= key.1 &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= key.2 &* 0x1656_67B1_9E37_79F9
        hash ^= key.3 &* 0xD6E8_FEB8_6659_FD93
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        let found: Int? = records.withUnsafeBufferPointer { records in
            table.withUnsafeBufferPointer { table in
                while true {
                    let cell = table[slot]
                    if cell == 0 { return nil }
                    if cell & 0xFFFF_FFFF_0000_0000 == tag {
                        let entry = Int(truncatingIfNeeded: cell & 0xFFFF_FFFF) - 1
                        let r = 5 * entry
                        if records[r] == key.0 && records[r + 1] == key.1 && records[r + 2] == key.2
                            && records[r + 3] == key.3 && records[r + 4] == UInt64(n)
                        {
                            return entry
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        if let found { return found }
        return add(bytes, hash: hash, slot: slot, key: key)
    }

    /// ``intern(_:)`` for empty byte strings and those longer than 32 bytes: hashed eight bytes at a
    /// time, compared with `memcmp`.
    private mutating func internLong(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = ByteInterner.hash(bytes)
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        while true {
            let cell = table[slot]
            if cell == 0 { break }
            let entry = Int(truncatingIfNeeded: cell & 0xFFFF_FFFF) - 1
            if hashes[entry] == hash && matches(entry, bytes) { return entry }
            slot = (slot + 1) & mask
        }
        return add(bytes, hash: hash, slot: slot, key: (0, 0, 0, 0))
    }

    /// Adds a new byte string at a free `slot`; its number.
    private mutating func add(
        _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int, key: (UInt64, UInt64, UInt64, UInt64)
    ) -> Int {
        let id = hashes.count
        hashes.append(hash)
        records += [key.0, key.1, key.2, key.3, UInt64(bytes.count)]
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
        table[slot] = Self.cell(id, hash)
        if hashes.count * 2 > table.count { grow() }
        return id
    }

    /// A table slot's value for entry `id` with `hash`.
    private static func cell(_ id: Int, _ hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
    }

    /// A multiplicative hash of the bytes, eight at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 32)
    }

    private func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        let length = starts[entry + 1] - start
        guard length == bytes.count else { return false }
        guard length > 0 else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, length) == 0 }
    }

    private mutating func grow() {
        table = [UInt64](repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Self.cell(id, hash)
        }
    }
}
