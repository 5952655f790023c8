/// Row validation and aggregation for each tabular kind (SPEC 3.2, 4.1).
extension CSVIngest {
    /// `period, scope, category, count`: counts summed per (scope, period, category).
    mutating func readCrimeCounts() throws {
        let decimalComma = self.decimalComma
        try forEachRow { row in
            let period = row.period()
            let scope = row.scope()
            let category = row.category(.category)
            let countText = row.cell(.count)
            if countText.isEmpty {
                // No value: the row is skipped (and counted in one warning), unless it is bad otherwise.
                if period != nil, scope != nil, category != nil { row.skipEmptyValue(.count) }
                return
            }
            let count = row.check(DataValues.whole(countText, decimalComma: decimalComma, noun: "counts"), .count)
            guard let period, let scope, let category, let count else { return }
            row.dataset.addCrimeCount(scope: scope, period: period, category: category, count: count)
        }
    }

    /// `Region;Brott;År;Period;Antal;/100 000 inv` (SPEC 3.2): rows with `..` for `Antal` or
    /// `Brott` are not applicable and ignored; an empty `Antal` is no value (skipped with a
    /// warning); `2026 prel.` is used and reported; `Brott` loses its crime code and `&nbsp;`.
    mutating func readStatisticsExport() throws {
        let decimalComma = self.decimalComma
        try forEachRow { row in
            let countText = row.cell(.count)
            let crimeText = CrimeLabel.spaced(row.cell(.crime))
            if countText == StatisticsExport.notApplicable || crimeText == StatisticsExport.notApplicable { return }
            let scope = row.check(
                DataValues.name(StatisticsExport.region(CrimeLabel.spaced(row.cell(.region))), what: "a region"),
                .region)
            let category = row.check(
                DataValues.name(CrimeLabel.withoutCode(crimeText), what: "a crime category"), .crime)
            let cells = StatisticsExport.yearAndPeriod(year: row.cell(.year), period: row.cell(.exportPeriod))
            let period = row.check(StatisticsExport.rowPeriod(year: cells.year, period: cells.period), .exportPeriod)
            if countText.isEmpty {
                if period != nil, scope != nil, category != nil { row.skipEmptyValue(.count) }
                return
            }
            let count = row.check(DataValues.whole(countText, decimalComma: decimalComma, noun: "counts"), .count)
            guard let period, let scope, let category, let count else { return }
            switch period {
            case .period(let period):
                if cells.preliminary {
                    if row.preliminary == nil { row.preliminary = ([], row.reader.recordLine) }
                    row.preliminary?.years.insert(period.year)
                }
                row.dataset.addCrimeCount(scope: scope, period: period, category: category, count: count)
            case .yearToDate(let year, let month):
                if cells.preliminary {
                    if row.preliminary == nil { row.preliminary = ([], row.reader.recordLine) }
                    row.preliminary?.years.insert(year)
                }
                row.dataset.addCrimeCountYearToDate(
                    scope: scope, year: year, throughMonth: month, category: category, count: count)
            }
        }
    }

    /// `date, scope, category`: one row a reported crime, counted per calendar month while
    /// streaming; rows are never kept.
    ///
    /// The hot path of a national events file: a scope or category spelling is decoded, validated and
    /// interned once, when first seen (``ByteInterner``); every further row with it costs a hash of its
    /// bytes. A spelling that is not a valid name is reported on every row that has it, as before.
    mutating func readEvents() throws {
        let dateColumn = layout[.date]
        let scopeColumn = layout[.scope]
        let categoryColumn = layout[.category]
        var scopeSpellings = ByteInterner()
        var categorySpellings = ByteInterner()
        // Per spelling: the tally's number for it, or why it is not a name.
        var scopes: [Result<Int, DataValues.Problem>] = []
        var categories: [Result<Int, DataValues.Problem>] = []
        // The general way, for a record the plain path declines: every check and message as for any row.
        let general: (inout CSVIngest) -> Void = { row in
            let month = row.reader.withField(dateColumn) { DataValues.eventMonth(utf8: $0) }
            let period = month ?? row.check(DataValues.eventMonth(row.cell(.date)), .date)
            let s = row.reader.withField(scopeColumn) { scopeSpellings.intern($0) }
            if s == scopes.count {
                scopes.append(
                    DataValues.name(row.cell(.scope), what: "a scope (municipality or police area)")
                        .map { row.tally.index(scope: $0) })
            }
            let c = row.reader.withField(categoryColumn) { categorySpellings.intern($0) }
            if c == categories.count {
                categories.append(
                    DataValues.name(CrimeLabel.normalised(row.cell(.category)), what: "a crime category")
                        .map { row.tally.index(category: $0) })
            }
            let scope = row.check(scopes[s], .scope)
            let category = row.check(categories[c], .category)
            guard let period, let scope, let category else { return }
            row.future.note(period, line: row.reader.recordLine)
            row.tally.add(scope: scope, category: category, monthOrdinal: period.firstMonthOrdinal)
        }
        // The plain way: a row whose date, scope and category are all known good is counted straight
        // from the bytes in hand. `tally` is this file's tally while the plain path runs.
        let width = layout.header.count
        let lastYear = future.lastYear
        var state = RowState(nextLine: reader.line)
        var tally = EventTally()
        swap(&tally, &self.tally)
        var ends: [Int] = []
        ends.reserveCapacity(width + 1)
        while true {
            let plain = try reader.nextPlainRecord(width: width, ends: &ends) { line, ends in
                func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: line[(i == 0 ? 0 : ends[i - 1] + 1)..<ends[i]])
                }
                // A row dated after next year takes the general path, which notes it for a warning.
                guard let month = DataValues.eventMonth(utf8: field(dateColumn)), month.year <= lastYear else {
                    return false
                }
                let s = scopeSpellings.intern(field(scopeColumn))
                guard s < scopes.count, case .success(let scope) = scopes[s] else { return false }
                let c = categorySpellings.intern(field(categoryColumn))
                guard c < categories.count, case .success(let category) = categories[c] else { return false }
                tally.add(scope: scope, category: category, monthOrdinal: month.firstMonthOrdinal)
                return true
            }
            switch plain {
            case .taken:
                state.nextLine = reader.line
            case .end:
                swap(&tally, &self.tally)
                return
            case .declined:
                let more: Bool
                do {
                    more = try reader.readRecord()
                } catch let error as CSVReader.RecordTooLong {
                    more = false
                    bad.add(line: error.line, column: nil, error.reason)
                }
                guard more else {
                    swap(&tally, &self.tally)
                    return
                }
                swap(&tally, &self.tally)
                handleRecord(&state, general)
                swap(&tally, &self.tally)
            }
        }
    }

    /// `period, scope, item, share[, respondents]`. Rows are buffered (survey files are small)
    /// because whether plain shares are 0–1 or 0–100 is decided for the whole file.
    mutating func readSurvey() throws {
        struct Row {
            var line: Int
            var period: Period
            var scope: String
            var item: String
            var text: String
            var share: Double
            var percent: Bool
            var respondents: Int?
            var source: String?
        }
        var rows: [Row] = []
        let decimalComma = self.decimalComma
        let hasRespondents = layout.columns[.respondents] != nil
        let hasSource = layout.columns[.source] != nil
        try forEachRow { row in
            let period = row.period()
            let scope = row.scope()
            let item = row.name(.item, what: "a survey item")
            let text = row.cell(.share)
            var respondents: Int?
            if hasRespondents, case let cell = row.cell(.respondents), !cell.isEmpty {
                respondents = row.check(
                    DataValues.whole(cell, decimalComma: decimalComma, noun: "respondents"), .respondents)
            }
            let source = hasSource ? row.cell(.source).trimmingSpaces() : ""
            if text.isEmpty {
                if period != nil, scope != nil, item != nil { row.skipEmptyValue(.share) }
                return
            }
            let share = row.check(DataValues.share(text, decimalComma: decimalComma), .share)
            guard let period, let scope, let item, let share else { return }
            rows.append(
                Row(
                    line: row.reader.recordLine, period: period, scope: scope, item: item, text: text,
                    share: share.value, percent: share.percent, respondents: respondents,
                    source: source.isEmpty ? nil : source))
        }
        let percentScale = rows.contains { !$0.percent && $0.share > 1 }
        var names = NameMemo()
        for row in rows {
            let share = row.percent || !percentScale ? row.share : row.share / 100
            guard share >= 0 && share <= 1 else {
                bad.add(
                    line: row.line, column: layout.name(.share),
                    .shareOutside(text: DataValues.abbreviated(row.text), percentages: percentScale && !row.percent))
                continue
            }
            let scope = names.key(row.scope, in: &dataset)
            let item = names.key(row.item, in: &dataset)
            let source = row.source.map { names.key($0, in: &dataset) } ?? SurveyTable.defaultSource
            dataset.surveySources[source, default: SurveyTable()].add(
                scope: scope, period: row.period, item: item, share: share, respondents: row.respondents)
        }
    }

    /// `period, scope, resource, available`: amounts summed per (scope, period, resource).
    mutating func readResources() throws {
        let decimalComma = self.decimalComma
        try forEachRow { row in
            let period = row.period()
            let scope = row.scope()
            let resource = row.name(.resource, what: "a resource name")
            let available = row.check(
                DataValues.nonNegative(row.cell(.available), decimalComma: decimalComma), .available)
            guard let period, let scope, let resource, let available else { return }
            row.dataset.addResource(scope: scope, period: period, resource: resource, available: available)
        }
    }

    /// `period, scope, population`: validated and kept, not used by the default model.
    mutating func readPopulation() throws {
        let decimalComma = self.decimalComma
        try forEachRow { row in
            let period = row.period()
            let scope = row.scope()
            let population = row.check(
                DataValues.whole(row.cell(.population), decimalComma: decimalComma, noun: "populations"), .population)
            guard let period, let scope, let population else { return }
            row.dataset.addPopulation(scope: scope, period: period, population: population)
        }
    }
}
