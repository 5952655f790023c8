/// The report as Markdown, for wikis and meeting notes.
struct MarkdownReport {
    let evaluation: Evaluation
    var changes: ChangeSummary?

    var sections: ReportSections { ReportSections(evaluation: evaluation, changes: changes, bullet: "- ") }

    func rendered() -> String {
        let e = evaluation
        var out: [String] = []
        out.append("# \(e.ruleSetName ?? "Fokus"): \(e.scope) \(e.period)")
        out.append("")
        if changes != nil {
            out.append("## What changed")
            out.append("")
            out.append(contentsOf: sections.changeLines())
            out.append("")
        }
        out.append("| # | Area | Score | Trend z | Latest / baseline | Concern | Resources | Selected |")
        out.append("|--:|------|------:|--------:|------------------:|--------:|----------:|:--------:|")
        for a in e.ranking {
            let trend = a.trend.map { "\(NumberFormatting.amount($0.latest)) / \(NumberFormatting.amount($0.baseline))" } ?? "–"
            out.append(
                "| \(a.rank) | \(cell(a.name)) (`\(a.id)`) | \(NumberFormatting.fixed(a.score)) | \(NumberFormatting.signed(a.trend?.z)) "
                    + "| \(trend) | \(NumberFormatting.percent(a.concern?.raw)) | \(NumberFormatting.fixed(a.resources.raw, 2)) "
                    + "| \(a.selected ? "✔" : "") |")
        }
        if let stability = e.stability {
            out.append("")
            out.append("## Rank stability")
            out.append("")
            out.append(stability.verdict)
            out.append("")
            out.append("| Area | P(rank 1) | P(selected) | Mean rank |")
            out.append("|------|----------:|------------:|----------:|")
            for a in stability.areas {
                out.append("| `\(a.id)` | \(RankStability.percent(a.pFirst)) | \(RankStability.percent(a.pSelected)) | \(NumberFormatting.fixed(a.meanRank, 1)) |")
            }
        }
        out.append("")
        out.append("## Measure plan")
        out.append("")
        if e.plan.measures.isEmpty {
            out.append("No measure fits the available resources.")
        } else {
            out.append("| Measure | Value | For | Cost |")
            out.append("|---------|------:|-----|------|")
            for m in e.plan.measures {
                out.append(
                    "| \(cell(m.name)) (`\(m.id)`) | \(NumberFormatting.fixed(m.value)) | \(m.selectedAreas.joined(separator: ", ")) "
                        + "| \(m.cost.map { "\($0.resource) \(NumberFormatting.amount($0.amount))" }.joined(separator: ", ")) |")
            }
        }
        if !e.plan.resources.isEmpty {
            out.append("")
            out.append("| Resource | Available | Used | Left |")
            out.append("|----------|----------:|-----:|-----:|")
            for r in e.plan.resources {
                out.append("| \(cell(r.resource)) | \(NumberFormatting.amount(r.available)) | \(NumberFormatting.amount(r.used)) | \(NumberFormatting.amount(r.remaining)) |")
            }
        }
        if !e.followUps.isEmpty {
            out.append("")
            out.append("## Follow-up")
            out.append("")
            out.append(contentsOf: sections.followUpLines())
        }
        let fired = e.ranking.flatMap { a in a.rules.fired.map { (a.id, $0) } }
        if !fired.isEmpty {
            out.append("")
            out.append("## Rules that fired")
            out.append("")
            for (id, r) in fired { out.append("- `\(id)`: **\(r.id)**" + (r.reason.map { " — \($0)" } ?? "")) }
        }
        if !e.warnings.isEmpty {
            out.append("")
            out.append("## Warnings")
            out.append("")
            for w in e.warnings { out.append("- \(w.description)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
