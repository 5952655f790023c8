/// Row validation and aggregation for each tabular kind (SPEC 3.2, 4.1).
extension CSVIngest {
    /// `period, scope, category, count`: counts summed per (scope, period, category).
    mutating func readCrimeCounts() throws {
        let decimalComma = self.decimalComma
        try forEachRow { row in
            let period = row.period()
            let scope = row.scope()
            let category = row.name(.category, what: "a crime category")
            let count = row.check(
                DataValues.whole(row.cell(.count), decimalComma: decimalComma, noun: "counts"), .count)
            guard let period, let scope, let category, let count else { return }
            row.dataset.addCrimeCount(scope: scope, period: period, category: category, count: count)
        }
    }

    /// `Region;Brott;År;Period;Antal;/100 000 inv`: rows with `Antal` `..` are ignored.
    mutating func readStatisticsExport() throws {
        let decimalComma = self.decimalComma
        try forEachRow { row in
            let countText = row.cell(.count)
            if countText == StatisticsExport.notApplicable { return }
            let scope = row.check(
                DataValues.name(StatisticsExport.region(row.cell(.region)), what: "a region"), .region)
            let category = row.name(.crime, what: "a crime category")
            let period = row.check(
                StatisticsExport.period(year: row.cell(.year), period: row.cell(.exportPeriod)), .exportPeriod)
            let count = row.check(DataValues.whole(countText, decimalComma: decimalComma, noun: "counts"), .count)
            guard let period, let scope, let category, let count else { return }
            row.dataset.addCrimeCount(scope: scope, period: period, category: category, count: count)
        }
    }

    /// `date, scope, category`: one row a reported crime, counted per calendar month while
    /// streaming; rows are never kept.
    mutating func readEvents() throws {
        let dateColumn = layout[.date]
        try forEachRow { row in
            let month = row.reader.withField(dateColumn) { DataValues.eventMonth(utf8: $0) }
            let period = month ?? row.check(DataValues.eventMonth(row.cell(.date)), .date)
            let scope = row.scope()
            let category = row.name(.category, what: "a crime category")
            guard let period, let scope, let category else { return }
            row.future.note(period, line: row.reader.recordLine)
            row.tally.add(scope: scope, category: category, period: period)
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
        }
        var rows: [Row] = []
        let decimalComma = self.decimalComma
        let hasRespondents = layout.columns[.respondents] != nil
        try forEachRow { row in
            let period = row.period()
            let scope = row.scope()
            let item = row.name(.item, what: "a survey item")
            let text = row.cell(.share)
            let share = row.check(DataValues.share(text, decimalComma: decimalComma), .share)
            if hasRespondents, case let respondents = row.cell(.respondents), !respondents.isEmpty {
                _ = row.check(
                    DataValues.whole(respondents, decimalComma: decimalComma, noun: "respondents"), .respondents)
            }
            guard let period, let scope, let item, let share else { return }
            rows.append(
                Row(
                    line: row.reader.recordLine, period: period, scope: scope, item: item, text: text,
                    share: share.value, percent: share.percent))
        }
        let percentScale = rows.contains { !$0.percent && $0.share > 1 }
        for row in rows {
            let share = row.percent || !percentScale ? row.share : row.share / 100
            guard share >= 0 && share <= 1 else {
                let range = percentScale && !row.percent ? "0–100 (this file's shares are percentages)" : "0–1"
                bad.add(line: row.line, column: layout.name(.share), "\"\(DataValues.abbreviated(row.text))\" is outside \(range)")
                continue
            }
            dataset.addSurveyShare(scope: row.scope, period: row.period, item: row.item, share: share)
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
