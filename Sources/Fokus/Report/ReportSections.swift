/// Plain-text lines of the report document's sections and of `fokus explain`: what changed, what
/// carries the selection, compared periods, notices, fired rules and follow-up; `bullet` prefixes
/// each line (the document adds none: each format draws its own).
struct ReportSections {
    let evaluation: Evaluation
    let changes: ChangeSummary?
    let strings: ReportStrings
    /// "- " for Markdown, "  " for text.
    let bullet: String

    func changeLines() -> [String] {
        guard let c = changes else { return [] }
        let s = strings
        if c.isEmpty { return [bullet + s.nothingChanged] }
        var lines: [String] = []
        if let period = c.previousPeriod { lines.append(bullet + s.periodChange(from: period, to: evaluation.period)) }
        if !c.enteredSelection.isEmpty { lines.append(bullet + s.enteredSelection(c.enteredSelection)) }
        if !c.leftSelection.isEmpty { lines.append(bullet + s.leftSelection(c.leftSelection)) }
        for a in c.areas {
            guard let rank = a.rank else {
                lines.append(bullet + "\(a.id): " + s.removedArea(wasRank: a.previousRank ?? 0))
                continue
            }
            guard let previous = a.previousRank else {
                lines.append(bullet + "\(a.id): " + s.newArea(rank: rank))
                continue
            }
            lines.append(
                bullet + "\(a.id): " + s.rankChange(from: previous, to: rank, scoreDelta: a.scoreDelta, mostMoved: a.mostMovedFactor))
        }
        if !c.measuresAdded.isEmpty { lines.append(bullet + s.planAdds(c.measuresAdded)) }
        if !c.measuresRemoved.isEmpty { lines.append(bullet + s.planDrops(c.measuresRemoved)) }
        if !c.filesAdded.isEmpty { lines.append(bullet + s.filesAdded(c.filesAdded)) }
        if !c.filesChanged.isEmpty { lines.append(bullet + s.filesChanged(c.filesChanged)) }
        if !c.filesRemoved.isEmpty { lines.append(bullet + s.filesRemoved(c.filesRemoved)) }
        return lines
    }

    func stabilityTable() -> TextTable? {
        guard let stability = evaluation.stability else { return nil }
        let s = strings
        var table = TextTable([s.id, s.pFirst, s.pSelected, s.meanRank], alignments: [.left, .right, .right, .right])
        for a in stability.areas {
            table.add([a.id, s.number.sampleShare(a.pFirst), s.number.sampleShare(a.pSelected), s.number.fixed(a.meanRank, 1)])
        }
        return table
    }

    /// For each selected area, the (at most two) factors that lift it most above a neutral reading: the
    /// largest w·(n − ½) among the evidence factors (resources say whether the group can act, not why).
    func whyLines() -> [String] {
        let names = Dictionary(evaluation.signals.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return evaluation.selected.compactMap { a in
            let lifts = a.weights.factors.filter { $0 != .resources }.compactMap { f -> (Factor, Double)? in
                guard let n = normalised(f, of: a), a.contributions[f] != nil else { return nil }
                return (f, a.weights[f] * (n - 0.5))
            }
            let top = lifts.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.prefix(2)
                .map { strings.factorWithValue($0.0, of: a, signalName: $0.0.signalID.flatMap { names[$0] }) }
            return top.isEmpty ? nil : bullet + strings.carriedBy(a.id, parts: Array(top))
        }
    }

    private func normalised(_ factor: Factor, of a: AreaEvaluation) -> Double? {
        switch factor {
        case .crimeTrend: a.trend?.n
        case .citizenConcern: a.concern?.n
        case .resources: a.resources?.n
        case .signal(let id): a.signals.compactMap { $0 }.first { $0.id == id }?.n
        }
    }

    /// Which periods the trends compare and which were left out (SPEC 4.2), without bullets.
    func comparisonLines() -> [String] {
        let c = evaluation.comparison
        guard c.comparedMonths != nil || !c.baselineDropped.isEmpty else { return [] }
        return [strings.comparison(c, period: evaluation.period)] + c.baselineDropped.map(strings.dropped)
    }

    /// The notices about the evaluation as a whole, in the report's language, with bullets.
    func noticeLines() -> [String] {
        evaluation.notices.map { bullet + strings.notice($0) }
    }

    /// The rules that fired, each once with the areas it fired for, and the notes they added, each once
    /// with its areas (a rule firing for many areas is one line, not one per area).
    func firedRuleLines(code: (String) -> String = { $0 }) -> [String] {
        let number = strings.number
        var order: [String] = []
        var byRule: [String: (reason: String?, areas: [String])] = [:]
        var notes: [String] = []
        var noteAreas: [String: [String]] = [:]
        for a in evaluation.ranking {
            for r in a.rules.fired {
                if byRule[r.id] == nil {
                    order.append(r.id)
                    byRule[r.id] = (r.reason, [])
                }
                let delta = r.scoreAfter - r.scoreBefore
                let effect = delta == 0 ? "" : " \(number.signed(delta, 3))"
                byRule[r.id]!.areas.append(code(a.id) + effect)
            }
            for note in a.rules.notes {
                if noteAreas[note] == nil { notes.append(note) }
                noteAreas[note, default: []].append(code(a.id))
            }
        }
        var lines = order.map { id -> String in
            let rule = byRule[id]!
            return bullet + code(id) + (rule.reason.map { " — " + strings.trimmedPeriod($0) } ?? "") + ": "
                + rule.areas.joined(separator: ", ")
        }
        lines += notes.map { bullet + strings.note($0) + " (" + noteAreas[$0]!.joined(separator: ", ") + ")" }
        return lines
    }

    func followUpLines() -> [String] {
        evaluation.followUps.map { bullet + strings.followUp($0) }
    }
}
