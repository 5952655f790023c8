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

    /// Whether nothing was counted.
    var isEmpty: Bool { counts.isEmpty }

    private static func intern(_ name: String, _ index: inout [String: Int], _ names: inout [String]) -> Int {
        if let i = index[name] { return i }
        index[name] = names.count
        names.append(name)
        return names.count - 1
    }

    /// Adds every count to `dataset`, which also makes each month present for its scope.
    func add(to dataset: inout Dataset) {
        let scopeKeys = scopes.map { dataset.rememberName($0) }
        let categoryKeys = categories.map { dataset.rememberName($0) }
        var current = -1
        var scopeCrime = Dataset.ScopeCrime()
        for (key, count) in counts.entries.sorted(by: { $0.key < $1.key }) {
            let s = Int(key >> 42)
            if s != current {
                if current >= 0 { dataset.crime[scopeKeys[current]] = scopeCrime }
                current = s
                scopeCrime = dataset.crime.removeValue(forKey: scopeKeys[s]) ?? Dataset.ScopeCrime()
            }
            let category = categoryKeys[Int(key >> 20 & 0x3F_FFFF)]
            let ordinal = Int(key & 0xF_FFFF)
            let period = Period.month(ordinal / 12, ordinal % 12 + 1)
            scopeCrime.presentPeriods.insert(period)
            scopeCrime.counts[period, default: [:]][category, default: 0] += count
        }
        if current >= 0 { dataset.crime[scopeKeys[current]] = scopeCrime }
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
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let k = keys[slot]
            if k == key {
                values[slot] += 1
                return
            }
            if k == .max { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = 1
        count += 1
        if count * 2 > keys.count { grow() }
    }

    /// Every key with its count, in no particular order.
    var entries: [(key: UInt64, value: Int)] {
        zip(keys, values).filter { $0.0 != .max }.map { (key: $0.0, value: $0.1) }
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != .max }
        keys = [UInt64](repeating: .max, count: keys.count * 2)
        values = [Int](repeating: 0, count: keys.count)
        let mask = keys.count - 1
        for (key, value) in old {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while keys[slot] != .max { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
