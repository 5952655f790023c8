/// The citizen-concern factor of one area (SPEC 4 "Citizen concern").
public struct ConcernFactor: Sendable, Hashable {
    /// The largest (or mean) share among the area's items in the survey period.
    public internal(set) var raw: Double
    /// clamp(raw, 0, 1).
    public internal(set) var n: Double
    /// The survey period used.
    public internal(set) var period: Period
    /// Each of the area's items asked in that period, with its share, in the order the area lists them.
    public internal(set) var items: [ItemShare]

    /// An item and its share.
    public struct ItemShare: Sendable, Hashable {
        /// The item as the area names it.
        public internal(set) var item: String
        /// Its share, 0–1.
        public internal(set) var share: Double
    }

    /// The factor, or `nil` when the area has no items or none was asked in the latest survey ≤ T.
    static func compute(area: Area, data: ScopeData, aggregate: ConcernAggregate) -> ConcernFactor? {
        guard let view = data.sources[SurveyTable.defaultSource],
            let shares = SharesOfItems(items: area.keyedSurveyItems, view: view, aggregate: aggregate)
        else { return nil }
        return ConcernFactor(raw: shares.raw, n: min(max(shares.raw, 0), 1), period: shares.period, items: shares.items)
    }
}

/// One area's items looked up in the latest period ≤ T of one survey source, and their aggregate:
/// how citizen concern and every signal read their raw value (SPEC 4, 4.3).
struct SharesOfItems {
    var raw: Double
    var period: Period
    var items: [ConcernFactor.ItemShare]
    /// The keys of the items found, in the order of ``items``.
    var keys: [NameKey]

    /// `nil` when the source has no period ≤ T or asked none of the items then.
    init?(items wanted: [KeyedName], view: ScopeData.SourceView, aggregate: ConcernAggregate) {
        guard let period = view.latest else { return nil }
        let shares = view.latestShares
        var seen = Set<NameKey>()
        var items: [ConcernFactor.ItemShare] = []
        var keys: [NameKey] = []
        for item in wanted {
            guard let share = shares[item.key], seen.insert(item.key).inserted else { continue }
            items.append(ConcernFactor.ItemShare(item: item.name, share: share))
            keys.append(item.key)
        }
        guard !items.isEmpty else { return nil }
        self.period = period
        self.items = items
        self.keys = keys
        raw = Self.aggregate(items.map(\.share), aggregate)
    }

    /// The largest share, or the mean, summed in the order given.
    static func aggregate(_ shares: [Double], _ aggregate: ConcernAggregate) -> Double {
        switch aggregate {
        case .max: shares.max()!
        case .mean: shares.reduce(0, +) / Double(shares.count)
        }
    }

    /// ``aggregate(_:_:)`` of `shares[i]` for the indices `items` (at least one), with the same
    /// comparisons and sums, without an array.
    static func aggregate(
        _ items: UnsafeBufferPointer<Int>, of shares: UnsafePointer<Double>, _ aggregate: ConcernAggregate
    ) -> Double {
        switch aggregate {
        case .max:
            var largest = shares[items[0]]
            for i in items.dropFirst() where largest < shares[i] { largest = shares[i] }
            return largest
        case .mean:
            var total = 0.0
            for i in items { total += shares[i] }
            return total / Double(items.count)
        }
    }
}
