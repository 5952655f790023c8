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
        var table = TextTable(
            ["#", s.id, s.area, s.score, s.trendZ, s.latestAndBaseline, s.concern, s.resources, s.selected],
            alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .left])
        for a in e.ranking {
            table.add([
                "\(a.rank)", a.id, a.name.truncated(to: 40), number.fixed(a.score),
                number.signed(a.trend?.z),
                a.trend.map { "\(number.amount($0.latest))/\(number.amount($0.baseline))" } ?? "–",
                number.percent(a.concern?.raw), number.fixed(a.resources.raw, 2),
                s.selectionMark(selected: a.selected, reason: a.selectionReason),
            ])
        }
        out.append(table.rendered())
        out.append("")
        let fired = e.ranking.filter { !$0.rules.fired.isEmpty }
        if !fired.isEmpty {
            out.append(s.rulesFired + ":")
            for a in fired {
                for r in a.rules.fired {
                    out.append("  \(a.id): \(r.id) \(number.fixed(r.scoreBefore)) → \(number.fixed(r.scoreAfter))"
                        + (r.reason.map { " — \($0)" } ?? ""))
                }
                for note in a.rules.notes { out.append("  \(a.id): " + s.note(note)) }
            }
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
        if !e.warnings.isEmpty {
            out.append("")
            out.append(s.warnings + ":")
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
