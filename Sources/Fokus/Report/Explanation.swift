extension Evaluation {
    /// The explanation of one area (`fokus explain ID`): factor table, fired rules with reasons,
    /// data periods used and anything missing, in `language` (Swedish by default). `nil` when no
    /// area has the id.
    public func explanation(of id: String, language: ReportLanguage = .sv) -> String? {
        guard let a = area(id) else { return nil }
        let s = ReportStrings(language)
        let number = s.number
        var out: [String] = []
        out.append(s.headline(a, of: ranking.count) + s.selectionReason(a.selectionReason, settings: selectionSettings))
        out.append(s.setting(scope: scope, period: period, missing: missingPolicy))
        out.append("")
        var table = TextTable(
            [s.factorColumn, s.raw, s.normalised, s.weight, s.contribution], alignments: [.left, .right, .right, .right, .right])
        func row(_ factor: Factor, raw: String?, n: Double?) -> [String] {
            [
                s.factor(factor), raw ?? s.missing, number.fixed(n), number.fixed(a.weights[factor]),
                a.contributions[factor].map { number.fixed($0, 4) } ?? s.leftOut,
            ]
        }
        table.add(row(.crimeTrend, raw: a.trend.map { "z \(number.signed($0.z))" }, n: a.trend?.n))
        table.add(row(.citizenConcern, raw: a.concern.map { number.fixed($0.raw) }, n: a.concern?.n))
        table.add(row(.resources, raw: a.resources.map { number.fixed($0.raw) }, n: a.resources?.n))
        for (signal, factor) in zip(signals, a.signals) {
            var cells = row(.signal(signal.id), raw: factor.map { number.fixed($0.raw) }, n: factor?.n)
            cells[0] = signal.name
            table.add(cells)
        }
        table.add([s.weightedScore, "", "", "", number.fixed(a.weightedScore, 4)])
        out.append(table.rendered())
        out.append("")
        if let t = a.trend {
            out.append(s.trend(t, period: period))
            out.append("  " + s.counts(t.series))
            out.append("  " + s.categories(a.area.categories))
        }
        out.append(contentsOf: ReportSections(evaluation: self, changes: nil, strings: s, bullet: "").comparisonLines())
        if let c = a.concern { out.append(s.concern(c)) }
        for (signal, factor) in zip(signals, a.signals) {
            if let factor { out.append(s.signal(factor, name: signal.name, source: signal.source)) }
        }
        if let r = a.resources {
            if r.isOverridden {
                out.append(s.resourcesFixed(r.raw))
            } else if let best = r.bestMeasure {
                out.append(s.resourcesBestFit(r.raw, measure: best, resourcePeriod: dataPeriods.resources))
            }
        }
        if !a.evidence {
            out.append(
                s.noEvidenceExplained(
                    AreaWithoutEvidence(
                        id: a.id, hasCategories: !a.area.categories.isEmpty,
                        hasSurveyItems: !a.area.surveyItems.isEmpty)))
        }
        out.append("")
        if a.rules.fired.isEmpty {
            out.append(s.noRuleFired)
        } else {
            out.append(s.rulesFired + ":")
            for f in a.rules.fired {
                out.append(
                    "  \(f.id): \(number.fixed(f.scoreBefore, 4)) → \(number.fixed(f.scoreAfter, 4))"
                        + (f.reason.map { " — \($0)" } ?? ""))
            }
        }
        let missedRules = a.missedRules
        if !missedRules.isEmpty {
            out.append(s.rulesNotFired + ":")
            for missed in missedRules {
                out.append("  \(missed.id): " + missed.trace.rendered(language: language))
            }
        }
        for note in a.rules.notes { out.append(s.note(note)) }
        if !a.missing.isEmpty {
            out.append("")
            out.append(s.missingHeading + ":")
            for reason in a.missing { out.append("  " + s.missing(reason)) }
        }
        let measures = plan.measures.filter { $0.selectedAreas.contains(a.id) }
        if !measures.isEmpty {
            out.append("")
            out.append(s.inMeasurePlan(measures))
        }
        if let stable = stability?.areas.first(where: { $0.id == a.id }) {
            out.append("")
            out.append(
                "\(s.rankStability): \(s.pFirst) \(number.sampleShare(stable.pFirst)), "
                    + "\(s.pSelected) \(number.sampleShare(stable.pSelected)), "
                    + "\(s.meanRank.lowercased()) \(number.fixed(stable.meanRank, 1))")
        }
        out.append("")
        out.append(s.dataUsed(dataPeriods))
        return out.joined(separator: "\n") + "\n"
    }
}
