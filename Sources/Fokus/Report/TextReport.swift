/// The terminal report: ranking, selection, measure plan and warnings.
struct TextReport {
    let evaluation: Evaluation
    var changes: ChangeSummary?

    var sections: ReportSections { ReportSections(evaluation: evaluation, changes: changes, bullet: "  ") }

    func rendered() -> String {
        let e = evaluation
        var out: [String] = []
        let title = [e.ruleSetName, e.scope, e.period.description].compactMap { $0 }.joined(separator: " · ")
        out.append("Fokus — \(title)")
        out.append("")
        if changes != nil {
            out.append("What changed since the previous evaluation:")
            out.append(contentsOf: sections.changeLines())
            out.append("")
        }
        var table = TextTable(
            ["#", "id", "area", "score", "trend z", "latest/base", "concern", "resources", "selected"],
            alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .left])
        for a in e.ranking {
            table.add([
                "\(a.rank)", a.id, a.name.truncated(to: 40), NumberFormatting.fixed(a.score),
                NumberFormatting.signed(a.trend?.z),
                a.trend.map { "\(NumberFormatting.amount($0.latest))/\(NumberFormatting.amount($0.baseline))" } ?? "–",
                NumberFormatting.percent(a.concern?.raw), NumberFormatting.fixed(a.resources.raw, 2),
                a.selected ? (a.selectionReason == .included ? "yes (rule)" : "yes") : (a.selectionReason == .excluded ? "excluded" : ""),
            ])
        }
        out.append(table.rendered())
        out.append("")
        let fired = e.ranking.filter { !$0.rules.fired.isEmpty }
        if !fired.isEmpty {
            out.append("Rules that fired:")
            for a in fired {
                for r in a.rules.fired {
                    out.append("  \(a.id): \(r.id) \(NumberFormatting.fixed(r.scoreBefore)) → \(NumberFormatting.fixed(r.scoreAfter))"
                        + (r.reason.map { " — \($0)" } ?? ""))
                }
                for note in a.rules.notes { out.append("  \(a.id): note: \(note)") }
            }
            out.append("")
        }
        if let stability = e.stability, let table = sections.stabilityTable() {
            out.append("Rank stability: \(stability.verdict)")
            out.append(table.rendered())
            out.append("")
        }
        out.append(contentsOf: planLines(e.plan))
        if !e.followUps.isEmpty {
            out.append("")
            out.append("Follow-up of adopted focus areas:")
            out.append(contentsOf: sections.followUpLines())
        }
        let missing = e.ranking.filter { !$0.missingNotes.isEmpty }
        if !missing.isEmpty {
            out.append("")
            out.append("Missing data:")
            for a in missing { for note in a.missingNotes { out.append("  \(a.id): \(note)") } }
        }
        if !e.warnings.isEmpty {
            out.append("")
            out.append("Warnings:")
            for w in e.warnings { out.append("  \(w.description)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func planLines(_ plan: MeasurePlan) -> [String] {
        var out = ["Measure plan: \(plan.measures.count) of \(plan.candidateCount) candidate measures, value \(NumberFormatting.fixed(plan.totalValue))"]
        if plan.measures.isEmpty {
            out.append("  (no measure fits the available resources)")
        } else {
            var table = TextTable(["id", "measure", "value", "for", "cost"], alignments: [.left, .left, .right, .left, .left])
            for m in plan.measures {
                table.add([
                    m.id, m.name.truncated(to: 44), NumberFormatting.fixed(m.value), m.selectedAreas.joined(separator: ", "),
                    m.cost.map { "\($0.resource) \(NumberFormatting.amount($0.amount))" }.joined(separator: ", "),
                ])
            }
            out.append(table.rendered())
        }
        if !plan.resources.isEmpty {
            out.append("")
            var table = TextTable(["resource", "available", "used", "left"], alignments: [.left, .right, .right, .right])
            for r in plan.resources {
                table.add([r.resource, NumberFormatting.amount(r.available), NumberFormatting.amount(r.used), NumberFormatting.amount(r.remaining)])
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
