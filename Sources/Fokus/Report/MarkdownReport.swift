/// The report as Markdown, for wikis and meeting notes.
struct MarkdownReport {
    let evaluation: Evaluation
    var changes: ChangeSummary?
    let strings: ReportStrings

    var sections: ReportSections { ReportSections(evaluation: evaluation, changes: changes, strings: strings, bullet: "- ") }

    func rendered() -> String {
        let e = evaluation
        let s = strings
        let number = s.number
        var out: [String] = []
        out.append("# \(e.ruleSetName ?? "Fokus"): \(e.scope) \(e.period)")
        out.append("")
        if changes != nil {
            out.append("## \(s.whatChanged)")
            out.append("")
            out.append(contentsOf: sections.changeLines())
            out.append("")
        }
        let signalHeaders = e.signals.map { cell($0.name) }
        out.append(row(["#", s.area, s.score, s.trendZ, s.latestAndBaseline, s.concern] + signalHeaders + [s.resources, s.selected]))
        out.append("|--:|------|------:|--------:|------------------:|--------:|" + signalHeaders.map { _ in "--------:|" }.joined()
            + "----------:|:--------:|")
        for a in e.ranking {
            let trend = a.trend.map { "\(number.amount($0.latest)) / \(number.amount($0.baseline))" } ?? "–"
            let mark = a.selected ? "✔" : s.selectionMark(selected: false, reason: a.selectionReason)
            out.append(row(
                ["\(a.rank)", "\(cell(a.name)) (`\(a.id)`)", number.fixed(a.score), number.signed(a.trend?.z), trend,
                 number.percent(a.concern?.raw)]
                    + a.signals.map { number.percent($0?.raw) }
                    + [a.resources.map { number.fixed($0.raw, 2) } ?? "–", mark]))
        }
        for line in sections.signalLegend() {
            out.append("")
            out.append(line)
        }
        let why = sections.whyLines()
        if !why.isEmpty {
            out.append("")
            out.append("## \(s.why)")
            out.append("")
            out.append(contentsOf: why)
        }
        let comparison = sections.comparisonLines()
        if !comparison.isEmpty {
            out.append("")
            out.append(contentsOf: comparison.map { "- " + $0 })
        }
        let fired = sections.firedRuleLines(code: { "`\($0)`" })
        if !fired.isEmpty {
            out.append("")
            out.append("## \(s.rulesFired)")
            out.append("")
            out.append(contentsOf: fired)
        }
        if let stability = e.stability {
            out.append("")
            out.append("## \(s.rankStability)")
            out.append("")
            out.append(s.verdict(stability))
            out.append("")
            out.append(row([s.area, s.pFirst, s.pSelected, s.meanRank]))
            out.append("|------|----------:|------------:|----------:|")
            for a in stability.areas {
                out.append(row(["`\(a.id)`", number.sampleShare(a.pFirst), number.sampleShare(a.pSelected), number.fixed(a.meanRank, 1)]))
            }
        }
        out.append("")
        out.append("## \(s.measurePlan)")
        out.append("")
        if e.plan.measures.isEmpty {
            out.append(s.noMeasureFits)
        } else {
            out.append(row([s.measure, s.value, s.forAreas, s.cost]))
            out.append("|---------|------:|-----|------|")
            for m in e.plan.measures {
                out.append(row([
                    "\(cell(m.name)) (`\(m.id)`)", number.fixed(m.value), m.selectedAreas.joined(separator: ", "), cell(s.costs(m.cost)),
                ]))
            }
        }
        if !e.plan.resources.isEmpty {
            out.append("")
            out.append(row([s.resource, s.available, s.used, s.left]))
            out.append("|----------|----------:|-----:|-----:|")
            for r in e.plan.resources {
                out.append(row([cell(r.resource), number.amount(r.available), number.amount(r.used), number.amount(r.remaining)]))
            }
        }
        if !e.followUps.isEmpty {
            out.append("")
            out.append("## \(s.followUp)")
            out.append("")
            out.append(contentsOf: sections.followUpLines())
        }
        let missing = e.ranking.filter { !$0.missing.isEmpty }
        if !missing.isEmpty {
            out.append("")
            out.append("## \(s.missingData)")
            out.append("")
            for a in missing { for reason in a.missing { out.append("- `\(a.id)`: \(s.missing(reason))") } }
        }
        if !e.warnings.isEmpty || !e.notices.isEmpty {
            out.append("")
            out.append("## \(s.warnings)")
            out.append("")
            out.append(contentsOf: sections.noticeLines())
            for w in e.warnings { out.append("- \(w.description)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One table row from cells that are already escaped.
    private func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    private func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
