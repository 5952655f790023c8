import Foundation

/// Interns byte strings (a field's raw bytes) to small numbers 0, 1, 2, … in order of first sight.
///
/// What keeps a large events file cheap: each row's scope and category cost one hash of a few bytes
/// and one comparison, never a `String` or a dictionary of strings; a spelling is decoded, validated
/// and folded once, when first seen. Open addressing; a byte string of up to 32 bytes (any scope or
/// category, or the two together) is copied into four words, hashed a word at a time and compared as
/// four words, without a call to `memcmp`.
struct ByteInterner {
    private var table = [Int32](repeating: -1, count: 64)
    private var hashes: [UInt64] = []
    /// Per entry of up to 32 bytes: its bytes as four words, zero-padded (others: zeros).
    private var words: [UInt64] = []
    private var starts: [Int] = [0]
    private var storage: [UInt8] = []

    /// How many distinct byte strings were seen.
    var count: Int { hashes.count }

    /// The longest byte string compared as words.
    private static let shortLength = 32

    /// The number of `bytes`: the same for the same bytes, `count` (before the call) for new ones.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count <= ByteInterner.shortLength, let base = bytes.baseAddress else { return internLong(bytes) }
        var key: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        var hash = (0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count) ^ key.0) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 29) ^ key.1) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 29) ^ key.2) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 29) ^ key.3) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 32
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        let found: Int? = words.withUnsafeBufferPointer { words in
            hashes.withUnsafeBufferPointer { hashes in
                table.withUnsafeBufferPointer { table in
                    while true {
                        let entry = Int(table[slot])
                        if entry < 0 { return nil }
                        if hashes[entry] == hash {
                            let w = 4 * entry
                            if words[w] == key.0 && words[w + 1] == key.1 && words[w + 2] == key.2 && words[w + 3] == key.3
                                && starts[entry + 1] - starts[entry] == bytes.count
                            {
                                return entry
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found { return found }
        return add(bytes, hash: hash, slot: slot, key: key)
    }

    /// ``intern(_:)`` for byte strings longer than 32 bytes: hashed eight bytes at a time, compared
    /// with `memcmp`.
    private mutating func internLong(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = ByteInterner.hash(bytes)
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        while true {
            let entry = Int(table[slot])
            if entry < 0 { break }
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
        words += [key.0, key.1, key.2, key.3]
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
        table[slot] = Int32(id)
        if hashes.count * 2 > table.count { grow() }
        return id
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
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(id)
        }
    }
}
