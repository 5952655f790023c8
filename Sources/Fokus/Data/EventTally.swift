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
    private var counts: [UInt64: Int] = [:]

    /// Counts one event in a month.
    mutating func add(scope: String, category: String, period: Period) {
        let s = Self.intern(scope, &scopeIndex, &scopes)
        let c = Self.intern(category, &categoryIndex, &categories)
        let key = UInt64(s) << 42 | UInt64(c) << 20 | UInt64(period.firstMonthOrdinal)
        counts[key, default: 0] += 1
    }

    /// The tally's number for a scope spelling (interned once per spelling; see ``add(scope:category:monthOrdinal:)``).
    mutating func index(scope: String) -> Int { Self.intern(scope, &scopeIndex, &scopes) }

    /// The tally's number for a category spelling.
    mutating func index(category: String) -> Int { Self.intern(category, &categoryIndex, &categories) }

    /// Counts one event by the numbers of its scope and category and its month's ordinal.
    @inline(__always)
    mutating func add(scope: Int, category: Int, monthOrdinal: Int) {
        counts[UInt64(scope) << 42 | UInt64(category) << 20 | UInt64(monthOrdinal), default: 0] += 1
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
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
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
