/// How a county's figures were formed from its municipalities (issue: counties from their municipalities).
public struct CountyAggregate: Sendable, Hashable {
    /// The county's name, `Västmanlands län`.
    public internal(set) var county: String
    /// How many municipalities the county has.
    public internal(set) var municipalities: Int
    /// The county's municipalities that have crime rows in the data, by display name in code order.
    public internal(set) var municipalitiesWithData: [String]
    /// Whether the data has crime rows filed under the county itself (events at county level).
    public internal(set) var countyRows: Bool
}

extension Dataset {
    /// This dataset with `county`'s scope replaced by the sum of its municipalities and the rows filed
    /// under the county itself: crime counts and year-to-date counts are summed (present periods
    /// united), resources summed; survey shares stay the county's own rows (shares do not add up).
    package func aggregating(_ county: MunicipalityTable.County) -> (dataset: Dataset, aggregate: CountyAggregate) {
        var result = self
        let countyKey = NameKey(county.name)
        let own = crime[countyKey]
        var total = own ?? ScopeCrime()
        var withData: [String] = []
        var resourceTotal = resources[countyKey] ?? [:]
        for m in county.municipalities {
            let key = NameKey(m.name)
            if let member = crime[key] {
                withData.append(displayName(key))
                total.presentPeriods.formUnion(member.presentPeriods)
                for (period, categories) in member.counts {
                    for (category, count) in categories { total.counts[period, default: [:]][category, default: 0] += count }
                }
                for (span, categories) in member.yearToDate {
                    for (category, count) in categories {
                        total.yearToDate[span, default: [:]][category, default: 0] += count
                    }
                }
            }
            for (period, items) in resources[key] ?? [:] {
                for (item, amount) in items { resourceTotal[period, default: [:]][item, default: 0] += amount }
            }
        }
        if own != nil || !withData.isEmpty { result.crime[countyKey] = total }
        if !resourceTotal.isEmpty { result.resources[countyKey] = resourceTotal }
        if result.displayNames[countyKey] == nil { result.displayNames[countyKey] = county.name }
        let aggregate = CountyAggregate(
            county: result.displayName(countyKey), municipalities: county.municipalities.count,
            municipalitiesWithData: withData, countyRows: own.map { !$0.presentPeriods.isEmpty || !$0.yearToDate.isEmpty } ?? false)
        return (result, aggregate)
    }
}
