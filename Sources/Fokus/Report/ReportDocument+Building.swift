extension Evaluation {
    /// The report of this evaluation as one document, in `language` (Swedish by default), led by
    /// what changed when `changes` is given. Every human-readable format serialises this document.
    public func reportDocument(changes: ChangeSummary? = nil, language: ReportLanguage = .sv) -> ReportDocument {
        ReportBuilder(evaluation: self, changes: changes, strings: ReportStrings(language)).document()
    }
}

/// Builds a ``ReportDocument`` from an evaluation: what the report says, and in which order.
struct ReportBuilder {
    let evaluation: Evaluation
    let changes: ChangeSummary?
    let strings: ReportStrings

    private var sections: ReportSections { ReportSections(evaluation: evaluation, changes: changes, strings: strings, bullet: "") }

    func document() -> ReportDocument {
        let e = evaluation
        let title = [e.ruleSetName, e.scope, e.period.description].compactMap { $0 }.joined(separator: " · ")
        var all: [ReportSection] = [summary()]
        if changes != nil {
            all.append(ReportSection(id: .changes, heading: strings.whatChanged, blocks: [.list(sections.changeLines())]))
        }
        all.append(ranking())
        if let trends = trends() { all.append(trends) }
        let fired = sections.firedRuleLines()
        if !fired.isEmpty { all.append(ReportSection(id: .rules, heading: strings.rulesFired, blocks: [.list(fired)])) }
        if let stability = stability() { all.append(stability) }
        all.append(plan())
        if !e.followUps.isEmpty {
            all.append(
                ReportSection(
                    id: .followUp, heading: strings.followUp, blocks: [.list(sections.followUpLines())],
                    sheet: followUpSheet()))
        }
        let missing = e.ranking.flatMap { a in a.missing.map { "\(a.id): \(strings.missing($0))" } }
        if !missing.isEmpty { all.append(ReportSection(id: .missing, heading: strings.missingData, blocks: [.list(missing)])) }
        let warnings = sections.noticeLines() + e.warnings.map { strings.warning($0) }
        if !warnings.isEmpty { all.append(ReportSection(id: .warnings, heading: strings.warnings, blocks: [.list(warnings)])) }
        all.append(sources())
        all.append(ReportSection(id: .method, heading: strings.methodHeading, blocks: strings.method(e).map { .paragraph($0) }))
        return ReportDocument(language: strings.language, title: "Fokus — " + title, sections: all)
    }

    // MARK: Summary

    private func summary() -> ReportSection {
        let e = evaluation
        var blocks: [ReportBlock] = [.paragraph(strings.proposal(e.selected))]
        let signalNames = Dictionary(e.signals.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let reasons = e.selected.map { strings.plainReason($0, period: e.period, signalNames: signalNames) }
        if !reasons.isEmpty { blocks.append(.list(reasons)) }
        var notes: [String] = []
        for a in e.selected where !e.plan.measures.contains(where: { $0.selectedAreas.contains(a.id) }) {
            let candidates = e.plan.notChosen.filter { $0.selectedAreas.contains(a.id) }.map(\.id)
            notes.append(strings.noMeasureFor(a, candidates: candidates))
        }
        if let stability = e.stability { notes.append(strings.plainStability(stability)) }
        if !notes.isEmpty { blocks.append(.paragraph(notes.joined(separator: " "))) }
        return ReportSection(id: .summary, heading: nil, blocks: blocks)
    }

    // MARK: Ranking

    private func ranking() -> ReportSection {
        let e = evaluation
        let s = strings
        let number = s.number
        var columns: [ReportTable.Column] = [
            .init(header: "#", alignment: .right, width: 4),
            .init(header: s.area, alignment: .left, width: 40),
            .init(header: s.id, alignment: .left, width: 20),
            .init(header: s.score, alignment: .right, width: 8),
            .init(header: s.trendZ, alignment: .right, width: 10),
            {
                var column = ReportTable.Column(header: s.latestAndBaseline, alignment: .right, width: 18)
                column.workbookColumns = [s.latest, s.baselineColumn]
                return column
            }(),
            .init(header: s.concern, alignment: .right, width: 8),
        ]
        columns += e.signals.map { .init(header: $0.name, alignment: .right, width: 14, abbreviation: $0.id) }
        columns += [.init(header: s.resources, alignment: .right, width: 10), .init(header: s.selected, alignment: .left, width: 14)]
        let rows = e.ranking.map { a -> [ReportCell] in
            [
                ReportCell("\(a.rank)", number: Double(a.rank), style: .integer),
                ReportCell(a.name),
                ReportCell(a.id, isCode: true),
                ReportCell(number.fixed(a.score), number: a.score, style: .decimal(3)),
                ReportCell(number.signed(a.trend?.z), number: a.trend?.z, style: .decimal(2)),
                {
                    var cell = ReportCell(a.trend.map { "\(number.amount($0.latest))/\(number.amount($0.baseline))" } ?? "–")
                    if let trend = a.trend {
                        cell.parts = [
                            ReportCell(number.amount(trend.latest), number: trend.latest, style: .integer),
                            ReportCell(number.amount(trend.baseline), number: trend.baseline, style: .decimal(1)),
                        ]
                    }
                    return cell
                }(),
                ReportCell(number.percent(a.concern?.raw), number: a.concern?.raw, style: .percent),
            ] + a.signals.map { ReportCell(number.percent($0?.raw), number: $0?.raw, style: .percent) }
                + [
                    ReportCell(a.resources.map { number.fixed($0.raw, 2) } ?? "–", number: a.resources?.raw, style: .decimal(2)),
                    ReportCell(s.selectionMark(selected: a.selected, reason: a.selectionReason)),
                ]
        }
        var blocks: [ReportBlock] = [
            .table(ReportTable(caption: s.rankingCaption, columns: columns, rows: rows)),
            .definitions(s.legend(signals: e.signals)),
        ]
        let why = sections.whyLines()
        if !why.isEmpty {
            blocks.append(.paragraph(s.why + ":"))
            blocks.append(.list(why))
        }
        let comparison = sections.comparisonLines()
        if !comparison.isEmpty { blocks.append(.list(comparison)) }
        blocks.append(.figure(.contributions(contributionChart())))
        return ReportSection(id: .ranking, heading: s.rankingHeading, blocks: blocks)
    }

    private func contributionChart() -> ContributionChart {
        let e = evaluation
        var factors: [Factor] = [.crimeTrend, .citizenConcern]
        factors += e.signals.map { Factor.signal($0.id) }
        factors.append(.resources)
        let names = factors.map { f -> String in
            if case .signal(let id) = f { return e.signals.first { $0.id == id }?.name ?? id }
            return strings.factor(f)
        }
        let bars = e.ranking.map { a in
            ContributionChart.Bar(
                label: a.name, segments: factors.map { a.contributions[$0] ?? 0 }, score: a.score,
                scoreText: strings.number.fixed(a.score), selected: a.selected)
        }
        return ContributionChart(
            title: strings.contributionsTitle, description: strings.contributionsDescription, factors: names, bars: bars)
    }

    // MARK: Trends

    private func trends() -> ReportSection? {
        let e = evaluation
        let lines = e.ranking.compactMap { a -> SparklineChart.Line? in
            guard let t = a.trend, !t.series.isEmpty else { return nil }
            let periods = t.series.map(\.period)
            let values = t.series.map { $0.count.map(Double.init) }
            return SparklineChart.Line(
                label: a.name, values: values, periods: periods.map(\.description),
                baseline: periods.indices.filter { t.baselinePeriods.contains(periods[$0]) }, baselineMean: t.baseline,
                compared: periods.firstIndex(of: e.period),
                summary: strings.seriesSummary(t.series))
        }
        guard !lines.isEmpty else { return nil }
        let chart = SparklineChart(
            title: strings.trendsTitle, description: strings.trendsDescription(e.comparison, period: e.period), lines: lines,
            baselineLabel: strings.baselineMark, comparedLabel: strings.comparedMark)
        return ReportSection(id: .trends, heading: strings.trendsHeading, blocks: [.figure(.sparklines(chart))])
    }

    // MARK: Stability

    private func stability() -> ReportSection? {
        guard let stability = evaluation.stability else { return nil }
        let s = strings
        let number = s.number
        let columns: [ReportTable.Column] = [
            .init(header: s.id, alignment: .left, width: 22), .init(header: s.pFirst, alignment: .right, width: 12),
            .init(header: s.pSelected, alignment: .right, width: 12), .init(header: s.meanRank, alignment: .right, width: 12),
        ]
        let rows = stability.areas.map { a -> [ReportCell] in
            [
                ReportCell(a.id, isCode: true),
                ReportCell(number.sampleShare(a.pFirst), number: a.pFirst, style: .percent),
                ReportCell(number.sampleShare(a.pSelected), number: a.pSelected, style: .percent),
                ReportCell(number.fixed(a.meanRank, 1), number: a.meanRank, style: .decimal(1)),
            ]
        }
        let selected = Set(evaluation.selected.map(\.id))
        let chart = BarChart(
            title: s.stabilityTitle, description: s.verdict(stability),
            bars: stability.areas.map {
                .init(
                    label: $0.id, value: $0.pSelected, maximum: 1, valueText: number.sampleShare($0.pSelected),
                    highlighted: selected.contains($0.id))
            })
        return ReportSection(
            id: .stability, heading: s.rankStability,
            blocks: [
                .paragraph(s.verdict(stability)),
                .table(ReportTable(caption: s.stabilityCaption, columns: columns, rows: rows)),
                .figure(.stability(chart)),
            ])
    }

    // MARK: Measure plan

    private func plan() -> ReportSection {
        let plan = evaluation.plan
        let s = strings
        let number = s.number
        var blocks: [ReportBlock] = [.paragraph(s.planCount(plan))]
        if plan.measures.isEmpty {
            blocks.append(.paragraph(s.noMeasureFits))
        } else {
            let columns: [ReportTable.Column] = [
                .init(header: s.measure, alignment: .left, width: 50), .init(header: s.id, alignment: .left, width: 16),
                .init(header: s.value, alignment: .right, width: 8), .init(header: s.forAreas, alignment: .left, width: 24),
                .init(header: s.cost, alignment: .left, width: 36),
            ]
            let rows = plan.measures.map { m -> [ReportCell] in
                [
                    ReportCell(m.name), ReportCell(m.id, isCode: true),
                    ReportCell(number.fixed(m.value), number: m.value, style: .decimal(3)),
                    ReportCell(m.selectedAreas.joined(separator: ", ")), ReportCell(s.costs(m.cost)),
                ]
            }
            blocks.append(.table(ReportTable(caption: s.measuresCaption, columns: columns, rows: rows)))
        }
        if !plan.resources.isEmpty {
            let columns: [ReportTable.Column] = [
                .init(header: s.resource, alignment: .left, width: 22), .init(header: s.available, alignment: .right, width: 14),
                .init(header: s.used, alignment: .right, width: 14), .init(header: s.left, alignment: .right, width: 14),
            ]
            let rows = plan.resources.map { r -> [ReportCell] in
                [
                    ReportCell(r.resource, isCode: true),
                    ReportCell(number.amount(r.available), number: r.available, style: .integer),
                    ReportCell(number.amount(r.used), number: r.used, style: .integer),
                    ReportCell(number.amount(r.remaining), number: r.remaining, style: .integer),
                ]
            }
            blocks.append(.table(ReportTable(caption: s.budgetCaption, columns: columns, rows: rows)))
            let chart = BarChart(
                title: s.budgetTitle, description: s.budgetDescription,
                bars: plan.resources.map {
                    .init(
                        label: $0.resource, value: $0.used, maximum: max($0.available, $0.used),
                        valueText: s.usedOf(used: $0.used, available: $0.available), highlighted: $0.used > $0.available)
                })
            blocks.append(.figure(.budget(chart)))
        }
        blocks.append(.definitions(s.planLegend))
        return ReportSection(id: .plan, heading: s.measurePlan, blocks: blocks)
    }

    // MARK: Follow-up

    /// The follow-up's figures, one row an adopted area, for the workbook.
    private func followUpSheet() -> ReportTable {
        let s = strings
        let number = s.number
        let columns: [ReportTable.Column] = [
            .init(header: s.area, alignment: .left, width: 40), .init(header: s.id, alignment: .left, width: 16),
            .init(header: s.adoptedFrom, alignment: .left, width: 12), .init(header: s.verdictColumn, alignment: .left, width: 28),
            .init(header: s.meanSince, alignment: .right, width: 14), .init(header: s.meanBefore, alignment: .right, width: 14),
            .init(header: s.trendZ, alignment: .right, width: 10), .init(header: s.concernChange, alignment: .right, width: 14),
            .init(header: s.measuresColumn, alignment: .left, width: 30), .init(header: s.note, alignment: .left, width: 40),
        ]
        let rows = evaluation.followUps.map { f -> [ReportCell] in
            [
                ReportCell(f.areaName), ReportCell(f.adoption.areaID, isCode: true), ReportCell("\(f.adoption.from)"),
                ReportCell(s.verdict(f.verdict)),
                ReportCell(number.fixed(f.meanSince, 1), number: f.meanSince, style: .decimal(1)),
                ReportCell(number.fixed(f.baseline, 1), number: f.baseline, style: .decimal(1)),
                ReportCell(number.signed(f.z), number: f.z, style: .decimal(2)),
                ReportCell(number.signed(f.concernChangePoints, 0), number: f.concernChangePoints, style: .decimal(0)),
                ReportCell(f.adoption.measures.joined(separator: ", ")), ReportCell(f.adoption.note ?? ""),
            ]
        }
        return ReportTable(caption: s.followUpSheet, columns: columns, rows: rows)
    }

    // MARK: Data sources

    private func sources() -> ReportSection {
        let e = evaluation
        var blocks: [ReportBlock] = [.paragraph(strings.dataUsed(e.dataPeriods))]
        if !e.inputs.isEmpty {
            let columns: [ReportTable.Column] = [
                .init(header: strings.file, alignment: .left, width: 50), .init(header: strings.kind, alignment: .left, width: 30),
            ]
            let rows = e.inputs.map { [ReportCell($0.path), ReportCell(strings.kind($0.kind))] }
            blocks.append(.table(ReportTable(caption: strings.sourcesCaption, columns: columns, rows: rows)))
        }
        return ReportSection(id: .sources, heading: strings.sourcesHeading, blocks: blocks)
    }
}
