extension Evaluation {
    /// The explanation of one area (`fokus explain ID`): factor table, fired rules with reasons,
    /// data periods used and anything missing. `nil` when no area has the id.
    public func explanation(of id: String) -> String? {
        guard let a = area(id) else { return nil }
        var out: [String] = []
        out.append("\(a.name) (\(a.id)) — rank \(a.rank) of \(ranking.count), score \(NumberFormatting.fixed(a.score, 4))"
            + (a.selected ? ", selected" : ", not selected") + selectionText(a))
        out.append("\(scope), \(period); weights normalised, missing: \(missingPolicy.rawValue)")
        out.append("")
        var table = TextTable(["factor", "raw", "normalised", "weight", "contribution"], alignments: [.left, .right, .right, .right, .right])
        table.add(row("crime trend", raw: a.trend.map { "z \(NumberFormatting.signed($0.z))" }, n: a.trend?.n, factor: .crimeTrend, a))
        table.add(row("citizen concern", raw: a.concern.map { NumberFormatting.fixed($0.raw) }, n: a.concern?.n, factor: .citizenConcern, a))
        table.add(row("resources", raw: NumberFormatting.fixed(a.resources.raw), n: a.resources.n, factor: .resources, a))
        table.add(["weighted score", "", "", "", NumberFormatting.fixed(a.weightedScore, 4)])
        out.append(table.rendered())
        out.append("")
        if let t = a.trend {
            let series = t.series.map { "\($0.period): \($0.count.map(String.init) ?? "no data")" }.joined(separator: ", ")
            out.append("Crime trend: \(NumberFormatting.amount(t.latest)) in \(period) against a baseline of "
                + "\(NumberFormatting.fixed(t.baseline, 2)) (mean of \(t.baselinePeriods.map(\.description).joined(separator: ", "))); "
                + "ratio \(NumberFormatting.fixed(t.ratio, 2)), z \(NumberFormatting.signed(t.z)).")
            out.append("  Counts: \(series)")
            out.append("  Categories: \(a.area.categories.joined(separator: ", "))")
        }
        if let c = a.concern {
            out.append("Citizen concern (survey \(c.period)): "
                + c.items.map { "\($0.item) \(NumberFormatting.percent($0.share))" }.joined(separator: ", "))
        }
        let r = a.resources
        if r.isOverridden {
            out.append("Resources: fixed at \(NumberFormatting.fixed(r.raw, 2)) by the rules.")
        } else if let best = r.bestMeasure {
            out.append("Resources: best fit \(NumberFormatting.fixed(r.raw, 2)) with the measure \(best)"
                + (dataPeriods.resources.map { " (resources of \($0))" } ?? " (no resource data: everything counts as 0)"))
        }
        out.append("")
        if a.rules.fired.isEmpty {
            out.append("No rule fired.")
        } else {
            out.append("Rules that fired:")
            for f in a.rules.fired {
                out.append("  \(f.id): \(NumberFormatting.fixed(f.scoreBefore, 4)) → \(NumberFormatting.fixed(f.scoreAfter, 4))"
                    + (f.reason.map { " — \($0)" } ?? ""))
            }
        }
        for note in a.rules.notes { out.append("Note: \(note)") }
        if !a.missingNotes.isEmpty {
            out.append("")
            out.append("Missing:")
            for note in a.missingNotes { out.append("  \(note)") }
        }
        let measures = plan.measures.filter { $0.selectedAreas.contains(a.id) }
        if !measures.isEmpty {
            out.append("")
            out.append("In the measure plan: " + measures.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))
        }
        out.append("")
        out.append("Data used: crime periods \(dataPeriods.crime.map(\.description).joined(separator: ", "))"
            + "; survey \(dataPeriods.survey?.description ?? "none"); resources \(dataPeriods.resources?.description ?? "none")")
        return out.joined(separator: "\n") + "\n"
    }

    private func selectionText(_ a: AreaEvaluation) -> String {
        switch a.selectionReason {
        case .ranked: return ""
        case .included: return " (included by a rule)"
        case .excluded: return " (excluded by a rule)"
        case .belowTop: return " (below the top \(selectionSettings.top ?? 0))"
        case .belowMinScore: return " (under the minimum score \(NumberFormatting.fixed(selectionSettings.minScore, 2)))"
        }
    }

    private func row(_ label: String, raw: String?, n: Double?, factor: Factor, _ a: AreaEvaluation) -> [String] {
        [
            label, raw ?? "missing", NumberFormatting.fixed(n), NumberFormatting.fixed(a.weights[factor]),
            a.contributions[factor].map { NumberFormatting.fixed($0, 4) } ?? "left out",
        ]
    }
}
