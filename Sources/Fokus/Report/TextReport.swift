/// The terminal report: ranking, selection, measure plan and warnings.
struct TextReport {
    let evaluation: Evaluation
    var changes: ChangeSummary?
    let strings: ReportStrings

    var sections: ReportSections { ReportSections(evaluation: evaluation, changes: changes, strings: strings, bullet: "  ") }

    func rendered() -> String {
        let e = evaluation
        let s = strings
        let number = s.number
        var out: [String] = []
        let title = [e.ruleSetName, e.scope, e.period.description].compactMap { $0 }.joined(separator: " · ")
        out.append("Fokus — \(title)")
        out.append("")
        if changes != nil {
            out.append(s.whatChanged + ":")
            out.append(contentsOf: sections.changeLines())
            out.append("")
        }
        let signalHeaders = e.signals.map { $0.id }
        var table = TextTable(
            ["#", s.id, s.area, s.score, s.trendZ, s.latestAndBaseline, s.concern] + signalHeaders
                + [s.resources, s.selected],
            alignments: [.right, .left, .left, .right, .right, .right, .right]
                + signalHeaders.map { _ in TextTable.Alignment.right } + [.right, .left])
        for a in e.ranking {
            table.add(
                [
                    "\(a.rank)", a.id, a.name.truncated(to: 40), number.fixed(a.score),
                    number.signed(a.trend?.z),
                    a.trend.map { "\(number.amount($0.latest))/\(number.amount($0.baseline))" } ?? "–",
                    number.percent(a.concern?.raw),
                ] + a.signals.map { number.percent($0?.raw) }
                    + [
                        a.resources.map { number.fixed($0.raw, 2) } ?? "–",
                        s.selectionMark(selected: a.selected, reason: a.selectionReason),
                    ])
        }
        out.append(table.rendered())
        out.append(contentsOf: sections.signalLegend().map { "  " + $0 })
        out.append("")
        let why = sections.whyLines()
        if !why.isEmpty {
            out.append(s.why + ":")
            out.append(contentsOf: why)
            out.append("")
        }
        let comparison = sections.comparisonLines()
        if !comparison.isEmpty {
            out.append(contentsOf: comparison)
            out.append("")
        }
        let fired = sections.firedRuleLines()
        if !fired.isEmpty {
            out.append(s.rulesFired + ":")
            out.append(contentsOf: fired)
            out.append("")
        }
        if let stability = e.stability, let table = sections.stabilityTable() {
            out.append("\(s.rankStability): \(s.verdict(stability))")
            out.append(table.rendered())
            out.append("")
        }
        out.append(contentsOf: planLines(e.plan))
        if !e.followUps.isEmpty {
            out.append("")
            out.append(s.followUp + ":")
            out.append(contentsOf: sections.followUpLines())
        }
        let missing = e.ranking.filter { !$0.missing.isEmpty }
        if !missing.isEmpty {
            out.append("")
            out.append(s.missingData + ":")
            for a in missing { for reason in a.missing { out.append("  \(a.id): \(s.missing(reason))") } }
        }
        if !e.warnings.isEmpty || !e.notices.isEmpty {
            out.append("")
            out.append(s.warnings + ":")
            out.append(contentsOf: sections.noticeLines())
            for w in e.warnings { out.append("  \(w.description)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func planLines(_ plan: MeasurePlan) -> [String] {
        let s = strings
        let number = s.number
        var out = [s.planSummary(plan)]
        if plan.measures.isEmpty {
            out.append("  " + s.noMeasureFits)
        } else {
            var table = TextTable([s.id, s.measure, s.value, s.forAreas, s.cost], alignments: [.left, .left, .right, .left, .left])
            for m in plan.measures {
                table.add([m.id, m.name.truncated(to: 44), number.fixed(m.value), m.selectedAreas.joined(separator: ", "), s.costs(m.cost)])
            }
            out.append(table.rendered())
        }
        if !plan.resources.isEmpty {
            out.append("")
            var table = TextTable([s.resource, s.available, s.used, s.left], alignments: [.left, .right, .right, .right])
            for r in plan.resources {
                table.add([r.resource, number.amount(r.available), number.amount(r.used), number.amount(r.remaining)])
            }
            out.append(table.rendered())
        }
        return out
    }
}

extension String {
    /// The string cut to `length` characters, with an ellipsis when cut.
    func truncated(to length: Int) -> String {
        count <= length ? self : String(prefix(length - 1)) + "…"
    }
}
