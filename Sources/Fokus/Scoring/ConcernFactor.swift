/// The citizen-concern factor of one area (SPEC 4 "Citizen concern").
public struct ConcernFactor: Sendable, Hashable {
    /// The largest (or mean) share among the area's items in the survey period.
    public var raw: Double
    /// clamp(raw, 0, 1).
    public var n: Double
    /// The survey period used.
    public var period: Period
    /// Each of the area's items asked in that period, with its share, in the order the area lists them.
    public var items: [ItemShare]

    /// An item and its share.
    public struct ItemShare: Sendable, Hashable {
        /// The item as the area names it.
        public var item: String
        /// Its share, 0–1.
        public var share: Double
    }

    /// The factor, or `nil` when the area has no items or none was asked in the latest survey ≤ T.
    static func compute(area: Area, data: ScopeData, aggregate: ConcernAggregate) -> ConcernFactor? {
        guard let period = data.surveyPeriod else { return nil }
        var seen = Set<NameKey>()
        var items: [ItemShare] = []
        for item in area.surveyItems {
            let key = NameKey(item)
            guard seen.insert(key).inserted, let share = data.surveyShares[key] else { continue }
            items.append(ItemShare(item: item, share: share))
        }
        guard !items.isEmpty else { return nil }
        let raw: Double
        switch aggregate {
        case .max: raw = items.map(\.share).max()!
        case .mean: raw = items.reduce(0) { $0 + $1.share } / Double(items.count)
        }
        return ConcernFactor(raw: raw, n: min(max(raw, 0), 1), period: period, items: items)
    }
}
