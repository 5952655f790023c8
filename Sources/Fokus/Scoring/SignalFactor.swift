/// One declared signal's factor for one area (SPEC 4.3): read exactly as citizen concern, over the rows
/// of the signal's source.
public struct SignalFactor: Sendable, Hashable {
    /// The signal's id.
    public internal(set) var id: String
    /// The largest (or mean) share among the area's items for the signal in ``period``.
    public internal(set) var raw: Double
    /// clamp(raw, 0, 1).
    public internal(set) var n: Double
    /// The latest period ≤ T of the signal's source.
    public internal(set) var period: Period
    /// Each of the area's items found then, with its share.
    public internal(set) var items: [ConcernFactor.ItemShare]

    /// The factor, or `nil` when the area lists no items for the signal or none was found in the
    /// latest period ≤ T of its source.
    static func compute(signal: Signal, area: Area, data: ScopeData, aggregate: ConcernAggregate) -> SignalFactor? {
        guard let items = area.keyedSignalItems[signal.id], let view = data.sources[signal.sourceKey],
            let shares = SharesOfItems(items: items, view: view, aggregate: aggregate)
        else { return nil }
        return SignalFactor(
            id: signal.id, raw: shares.raw, n: min(max(shares.raw, 0), 1), period: shares.period, items: shares.items)
    }
}
