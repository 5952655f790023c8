/// Events counted per (scope, category, month) while a file streams by, in the order first seen.
///
/// Names are kept as written and folded only once per distinct combination when the tally is
/// added to a ``Dataset``, so a file of a million events costs a dictionary lookup per event.
struct EventTally: Sendable {
    struct Key: Hashable, Sendable {
        var scope: String
        var category: String
        var period: Period
    }

    private var index: [Key: Int] = [:]
    private var keys: [Key] = []
    private var counts: [Int] = []

    /// Counts one event.
    mutating func add(scope: String, category: String, period: Period) {
        let key = Key(scope: scope, category: category, period: period)
        if let i = index[key] {
            counts[i] += 1
        } else {
            index[key] = keys.count
            keys.append(key)
            counts.append(1)
        }
    }

    /// Adds every count to `dataset` (which also makes each month present for its scope).
    func add(to dataset: inout Dataset) {
        for (key, count) in zip(keys, counts) {
            dataset.addCrimeCount(scope: key.scope, period: key.period, category: key.category, count: count)
        }
    }
}
