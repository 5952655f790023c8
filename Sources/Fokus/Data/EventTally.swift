import Foundation

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
    /// Counts of later tallies taken in by ``absorb(_:)``, packed (scope, month ordinal, category);
    /// the same cell may appear more than once (the counts add up).
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

    /// Counts `count` events of a scope and a category (by their numbers) in a month, as one more
    /// entry of the list ``absorb(_:)`` keeps, with no table lookup: for counts that come each once
    /// or a few times per cell (a split count adds each month's counts when the month is over).
    @inline(__always)
    mutating func append(scope: Int, category: Int, monthOrdinal: Int, count: Int) {
        absorbed.append((UInt64(scope) << 42 | UInt64(monthOrdinal) << 22 | UInt64(category), count))
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

    /// The count table key of an ``absorbed`` entry's key, packed (scope, month ordinal, category).
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
    /// The counts are put in buckets by scope (spellings with the same ``NameKey`` share one), in place
    /// and without comparing them; each scope's bucket is then sorted on its own (month, category)
    /// and made into its ``Dataset/ScopeCrime``, the scopes side by side on every core for a large
    /// tally (they are independent), and the finished values are put in `dataset` in the end. A
    /// month's categories are looked up in a dictionary once per set of categories, not once per
    /// count: a month with the same categories as an earlier one starts as a copy of that month's
    /// dictionary (no hashing) and only its counts are set. The count table is freed as soon as its
    /// entries are copied into the list (when this tally is its only holder), and the buckets are
    /// that list: the counts are never held twice.
    mutating func move(into dataset: inout Dataset) {
        let scopeKeys = scopes.map { dataset.rememberName($0) }
        let categoryKeys = categories.map { dataset.rememberName($0) }
        let (scopeOf, scopeNames) = Self.byKey(scopeKeys)
        let (categoryOf, categoryNames) = Self.byKey(categoryKeys)
        // Every count in one list, packed (scope, month ordinal, category); the table is freed after.
        var entries: [(key: UInt64, count: Int)] = []
        swap(&entries, &absorbed)
        entries.reserveCapacity(entries.count + counts.count)
        counts.forEach { key, count in
            entries.append(((key >> 42) << 42 | (key & 0xF_FFFF) << 22 | (key >> 20 & 0x3F_FFFF), count))
        }
        self = EventTally()
        // Where each scope's bucket starts.
        var starts = [Int](repeating: 0, count: scopeNames.count + 1)
        for entry in entries { starts[scopeOf[Int(entry.key >> 42)] + 1] += 1 }
        for g in scopeNames.indices { starts[g + 1] += starts[g] }
        let bounds = starts
        // The scopes with counts, each with what `dataset` held for it before.
        let filled = scopeNames.indices.filter { bounds[$0 + 1] > bounds[$0] }
        let results = ScopeCrimeSlots(filled.map { dataset.crime.removeValue(forKey: scopeNames[$0]) ?? Dataset.ScopeCrime() })
        let tasks = entries.count < 1 << 14 ? 1 : min(filled.count, 2 * ProcessInfo.processInfo.activeProcessorCount)
        entries.withUnsafeMutableBufferPointer { entries in
            // Each entry moved into its scope's bucket in place (no second list), then its key made
            // (month ordinal << 22 | category by key).
            var next = starts
            for g in scopeNames.indices {
                while next[g] < bounds[g + 1] {
                    let h = scopeOf[Int(entries[next[g]].key >> 42)]
                    if h == g {
                        next[g] += 1
                    } else {
                        entries.swapAt(next[g], next[h])
                        next[h] += 1
                    }
                }
            }
            for i in entries.indices {
                let key = entries[i].key
                entries[i].key = (key >> 22 & 0xF_FFFF) << 22 | UInt64(categoryOf[Int(key & 0x3F_FFFF)])
            }
            let buckets = MonthBuckets(entries)
            let build: @Sendable (Int) -> Void = { task in
                var months = MonthDictionaries(keys: categoryNames)
                var k = task
                while k < filled.count {
                    let g = filled[k]
                    results.set(k, months.add(buckets, from: bounds[g], to: bounds[g + 1], to: results.take(k)))
                    k += tasks
                }
            }
            if tasks > 1 { DispatchQueue.concurrentPerform(iterations: tasks, execute: build) } else { build(0) }
        }
        for (k, g) in filled.enumerated() { dataset.crime[scopeNames[g]] = results.take(k) }
    }

    /// Per name: the number of its key among the distinct keys, and those keys.
    private static func byKey(_ keys: [NameKey]) -> ([Int], [NameKey]) {
        var number: [NameKey: Int] = [:]
        var distinct: [NameKey] = []
        let numbers = keys.map { key in
            if let n = number[key] { return n }
            number[key] = distinct.count
            distinct.append(key)
            return distinct.count - 1
        }
        return (numbers, distinct)
    }
}

/// A tally's counts in buckets by scope (``EventTally/move(into:)``): per entry its (month ordinal <<
/// 22 | category) and its count, in memory the caller holds while the buckets are read. Each bucket
/// is sorted and read by one task only.
private final class MonthBuckets: @unchecked Sendable {
    let entries: UnsafeMutableBufferPointer<(key: UInt64, count: Int)>

    init(_ entries: UnsafeMutableBufferPointer<(key: UInt64, count: Int)>) {
        self.entries = entries
    }
}

/// One value per scope, set and taken by the task building it.
private final class ScopeCrimeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Dataset.ScopeCrime]

    init(_ values: [Dataset.ScopeCrime]) { self.values = values }

    /// Takes slot `k`'s value out (held once while it is changed).
    func take(_ k: Int) -> Dataset.ScopeCrime {
        lock.withLock {
            defer { values[k] = Dataset.ScopeCrime() }
            return values[k]
        }
    }

    func set(_ k: Int, _ value: Dataset.ScopeCrime) { lock.withLock { values[k] = value } }
}

/// Makes a scope's months from its bucket of counts, each month's categories as a dictionary; keeps the
/// dictionaries it made, by their categories, so that a month with the same categories is a copy with
/// its counts set through the indices of the first (the keys are not hashed again).
private struct MonthDictionaries {
    /// The key of each category number.
    let keys: [NameKey]
    private var made: [[Int]: (dictionary: [NameKey: Int], indices: [Dictionary<NameKey, Int>.Index])] = [:]
    /// At most this many dictionaries are kept (a set of categories seldom repeats past them).
    private static let kept = 512
    /// The month being made: its categories (ascending, each once) and their counts.
    private var monthCategories: [Int] = []
    private var monthCounts: [Int] = []

    init(keys: [NameKey]) { self.keys = keys }

    /// `scopeCrime` with the counts of bucket entries `[from, to)` added.
    mutating func add(_ buckets: MonthBuckets, from: Int, to: Int, to scopeCrime: Dataset.ScopeCrime)
        -> Dataset.ScopeCrime
    {
        var scopeCrime = scopeCrime
        var bucket = UnsafeMutableBufferPointer(rebasing: buckets.entries[from..<to])
        bucket.sort { $0.key < $1.key }
        if scopeCrime.counts.isEmpty && scopeCrime.presentPeriods.isEmpty {
            var months = 0
            for i in bucket.indices where i == 0 || bucket[i].key >> 22 != bucket[i - 1].key >> 22 { months += 1 }
            scopeCrime.presentPeriods.reserveCapacity(months)
            scopeCrime.counts.reserveCapacity(months)
        }
        var i = 0
        while i < bucket.count {
            let ordinal = bucket[i].key >> 22
            monthCategories.removeAll(keepingCapacity: true)
            monthCounts.removeAll(keepingCapacity: true)
            while i < bucket.count && bucket[i].key >> 22 == ordinal {
                let category = Int(bucket[i].key & 0x3F_FFFF)
                if monthCategories.last == category {
                    monthCounts[monthCounts.count - 1] += bucket[i].count
                } else {
                    monthCategories.append(category)
                    monthCounts.append(bucket[i].count)
                }
                i += 1
            }
            let period = Period.month(ordinal: Int(ordinal))
            scopeCrime.presentPeriods.insert(period)
            if var month = scopeCrime.counts.removeValue(forKey: period) {
                for (category, count) in zip(monthCategories, monthCounts) { month[keys[category], default: 0] += count }
                scopeCrime.counts[period] = month
            } else {
                scopeCrime.counts[period] = newMonth()
            }
        }
        return scopeCrime
    }

    /// The dictionary of the month being made.
    private mutating func newMonth() -> [NameKey: Int] {
        if let first = made[monthCategories] {
            var month = first.dictionary
            for (index, count) in zip(first.indices, monthCounts) { month.values[index] = count }
            return month
        }
        var month = [NameKey: Int](minimumCapacity: monthCategories.count)
        for (category, count) in zip(monthCategories, monthCounts) { month[keys[category]] = count }
        if made.count < Self.kept {
            made[monthCategories] = (month, monthCategories.map { month.index(forKey: keys[$0])! })
        }
        return month
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
