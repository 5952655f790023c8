/// Events counted per (scope, category, month) while a file streams by.
///
/// Scope and category spellings are interned to small numbers, so each event costs two
/// dictionary lookups and one increment; names are folded into ``NameKey``s once per distinct
/// spelling when the tally is added to a ``Dataset``. Memory grows with the distinct
/// (scope, category, month) combinations, never with the number of events.
struct EventTally: Sendable {
    private var scopeIndex: [String: Int] = [:]
    private var scopes: [String] = []
    private var categoryIndex: [String: Int] = [:]
    private var categories: [String] = []
    /// Packed (scope, category, month ordinal) → count.
    private var counts = CountTable()
    /// Counts of later tallies taken in by ``absorb(_:)``, packed (scope, month ordinal, category) as
    /// ``move(into:)`` sorts them; the same cell may appear more than once (the counts add up).
    private var absorbed: [(key: UInt64, count: Int)] = []

    /// Counts one event in a month.
    mutating func add(scope: String, category: String, period: Period) {
        let s = Self.intern(scope, &scopeIndex, &scopes)
        let c = Self.intern(category, &categoryIndex, &categories)
        let key = UInt64(s) << 42 | UInt64(c) << 20 | UInt64(period.firstMonthOrdinal)
        counts.increment(key)
    }

    /// The tally's number for a scope spelling (interned once per spelling; see ``add(scope:category:monthOrdinal:)``).
    mutating func index(scope: String) -> Int { Self.intern(scope, &scopeIndex, &scopes) }

    /// The tally's number for a category spelling.
    mutating func index(category: String) -> Int { Self.intern(category, &categoryIndex, &categories) }

    /// Counts one event by the numbers of its scope and category and its month's ordinal.
    @inline(__always)
    mutating func add(scope: Int, category: Int, monthOrdinal: Int) {
        counts.increment(UInt64(scope) << 42 | UInt64(category) << 20 | UInt64(monthOrdinal))
    }

    /// A scope's and a category's numbers packed as in the tally's keys (the month's ordinal goes in the
    /// low 20 bits).
    @inline(__always)
    static func packed(scope: Int, category: Int) -> UInt64 {
        UInt64(scope) << 42 | UInt64(category) << 20
    }

    /// Counts `count` events of a packed (scope, category) pair (``packed(scope:category:)``) in a month.
    @inline(__always)
    mutating func add(packed: UInt64, monthOrdinal: Int, count: Int) {
        counts.add(packed | UInt64(monthOrdinal), count)
    }

    /// Whether nothing was counted.
    var isEmpty: Bool { counts.isEmpty && absorbed.isEmpty }

    /// Adds the counts of `other`, a tally of rows that come after this tally's rows in the same file
    /// (``EventsSplit``): its names are numbered after this tally's, in its order of first sight, so the
    /// result is the tally one pass over all the rows would have made.
    ///
    /// The counts are kept as a list (no second table with room to spare): pieces of a file sorted by
    /// date share few cells. A list grown past a million entries is folded into the table.
    mutating func absorb(_ other: EventTally) {
        let scopeMap = other.scopes.map { index(scope: $0) }
        let categoryMap = other.categories.map { index(category: $0) }
        // Grown by half, not doubled: at the end of a large file this list is most of the memory in use.
        let needed = absorbed.count + other.counts.count + other.absorbed.count
        if needed > absorbed.capacity { absorbed.reserveCapacity(max(needed, absorbed.capacity * 3 / 2)) }
        other.counts.forEach { key, count in
            let s = UInt64(scopeMap[Int(key >> 42)])
            let c = UInt64(categoryMap[Int(key >> 20 & 0x3F_FFFF)])
            absorbed.append((s << 42 | (key & 0xF_FFFF) << 22 | c, count))
        }
        for entry in other.absorbed {
            let s = UInt64(scopeMap[Int(entry.key >> 42)])
            let c = UInt64(categoryMap[Int(entry.key & 0x3F_FFFF)])
            absorbed.append((s << 42 | (entry.key >> 22 & 0xF_FFFF) << 22 | c, entry.count))
        }
        if absorbed.count > 1 << 20 {
            for entry in absorbed {
                counts.add(Self.tableKey(sortKey: entry.key), entry.count)
            }
            absorbed = []
        }
    }

    /// A count table key as ``move(into:)`` sorts it: (scope, month ordinal, category).
    @inline(__always)
    private static func sortKey(tableKey key: UInt64) -> UInt64 {
        (key >> 42) << 42 | (key & 0xF_FFFF) << 22 | (key >> 20 & 0x3F_FFFF)
    }

    /// The count table key of a sort key.
    @inline(__always)
    private static func tableKey(sortKey key: UInt64) -> UInt64 {
        (key >> 42) << 42 | (key & 0x3F_FFFF) << 20 | (key >> 22 & 0xF_FFFF)
    }

    private static func intern(_ name: String, _ index: inout [String: Int], _ names: inout [String]) -> Int {
        if let i = index[name] { return i }
        index[name] = names.count
        names.append(name)
        return names.count - 1
    }

    /// Adds every count to `dataset`, which also makes each month present for its scope, and empties the
    /// tally.
    ///
    /// The counts are taken in (scope, month, category) order, so each scope's and each month's
    /// dictionary is looked up once, not once per count. The count table is freed as soon as its
    /// entries are copied out (when this tally is its only holder), so the two are never held together
    /// with the sorted copy.
    mutating func move(into dataset: inout Dataset) {
        let scopeKeys = scopes.map { dataset.rememberName($0) }
        let categoryKeys = categories.map { dataset.rememberName($0) }
        // (scope, month, category) packed in that order: scope in the high 22 bits, month in the next 20.
        var entries: [(key: UInt64, count: Int)] = []
        swap(&entries, &absorbed)
        entries.reserveCapacity(entries.count + counts.count)
        counts.forEach { key, count in entries.append((Self.sortKey(tableKey: key), count)) }
        self = EventTally()
        entries.sort { $0.key < $1.key }
        var i = 0
        while i < entries.count {
            let s = Int(entries[i].key >> 42)
            var scopeCrime = dataset.crime.removeValue(forKey: scopeKeys[s]) ?? Dataset.ScopeCrime()
            while i < entries.count && Int(entries[i].key >> 42) == s {
                let ordinal = Int(entries[i].key >> 22 & 0xF_FFFF)
                let period = Period.month(ordinal / 12, ordinal % 12 + 1)
                scopeCrime.presentPeriods.insert(period)
                var month = scopeCrime.counts.removeValue(forKey: period) ?? [:]
                while i < entries.count && entries[i].key >> 22 == UInt64(s) << 20 | UInt64(ordinal) {
                    month[categoryKeys[Int(entries[i].key & 0x3F_FFFF)], default: 0] += entries[i].count
                    i += 1
                }
                scopeCrime.counts[period] = month
            }
            dataset.crime[scopeKeys[s]] = scopeCrime
        }
    }
}

/// Counts per packed key: open addressing with a multiplicative hash, cheaper per event than a
/// `Dictionary` (whose per-instance seeded hashing dominates when every row is one increment).
struct CountTable: Sendable {
    private var keys = [UInt64](repeating: .max, count: 1024)
    private var values = [Int](repeating: 0, count: 1024)
    private(set) var count = 0

    /// Whether no key was counted.
    var isEmpty: Bool { count == 0 }

    /// Adds one to `key`'s count (`key` must not be `UInt64.max`).
    @inline(__always)
    mutating func increment(_ key: UInt64) {
        add(key, 1)
    }

    /// Adds `amount` to `key`'s count (`key` must not be `UInt64.max`).
    @inline(__always)
    mutating func add(_ key: UInt64, _ amount: Int) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let k = keys[slot]
            if k == key {
                values[slot] += amount
                return
            }
            if k == .max { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = amount
        count += 1
        if count * 2 > keys.count { grow() }
    }

    /// Calls `body` with every key and its count, in no particular order.
    func forEach(_ body: (UInt64, Int) -> Void) {
        for slot in keys.indices where keys[slot] != .max { body(keys[slot], values[slot]) }
    }

    /// Doubles the table (the old one is walked in place, not copied first).
    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: .max, count: oldKeys.count * 2)
        values = [Int](repeating: 0, count: keys.count)
        let mask = keys.count - 1
        for i in oldKeys.indices where oldKeys[i] != .max {
            let key = oldKeys[i]
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while keys[slot] != .max { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = oldValues[i]
        }
    }
}
