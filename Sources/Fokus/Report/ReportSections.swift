/// Plain-text lines for the sections every human-readable format shares: what changed, rank
/// stability and follow-up. Markdown and text differ only in headings and bullets.
struct ReportSections {
    let evaluation: Evaluation
    let changes: ChangeSummary?
    /// "- " for Markdown, "  " for text.
    let bullet: String

    func changeLines() -> [String] {
        guard let c = changes else { return [] }
        if c.isEmpty { return [bullet + "Nothing changed since the previous evaluation."] }
        var lines: [String] = []
        if let period = c.previousPeriod { lines.append(bullet + "Period: \(period) → \(evaluation.period)") }
        if !c.enteredSelection.isEmpty { lines.append(bullet + "Entered the selection: \(c.enteredSelection.joined(separator: ", "))") }
        if !c.leftSelection.isEmpty { lines.append(bullet + "Left the selection: \(c.leftSelection.joined(separator: ", "))") }
        for a in c.areas {
            guard let rank = a.rank else {
                lines.append(bullet + "\(a.id): no longer in the rules (was rank \(a.previousRank ?? 0))")
                continue
            }
            guard let previous = a.previousRank else {
                lines.append(bullet + "\(a.id): new, rank \(rank)")
                continue
            }
            let move = previous == rank ? "rank \(rank) (unchanged)" : "rank \(previous) → \(rank)"
            var text = bullet + "\(a.id): \(move), score \(NumberFormatting.signed(a.scoreDelta, 3))"
            if let moved = a.mostMovedFactor {
                text += ", mostly \(moved.factor.label) (\(NumberFormatting.signed(moved.delta, 3)))"
            }
            lines.append(text)
        }
        if !c.measuresAdded.isEmpty { lines.append(bullet + "Plan adds: \(c.measuresAdded.joined(separator: ", "))") }
        if !c.measuresRemoved.isEmpty { lines.append(bullet + "Plan drops: \(c.measuresRemoved.joined(separator: ", "))") }
        if !c.filesAdded.isEmpty { lines.append(bullet + "Files added: \(c.filesAdded.joined(separator: ", "))") }
        if !c.filesChanged.isEmpty { lines.append(bullet + "Files changed: \(c.filesChanged.joined(separator: ", "))") }
        if !c.filesRemoved.isEmpty { lines.append(bullet + "Files removed: \(c.filesRemoved.joined(separator: ", "))") }
        return lines
    }

    func stabilityTable() -> TextTable? {
        guard let s = evaluation.stability else { return nil }
        var table = TextTable(["id", "P(rank 1)", "P(selected)", "mean rank"], alignments: [.left, .right, .right, .right])
        for a in s.areas {
            table.add([a.id, RankStability.percent(a.pFirst), RankStability.percent(a.pSelected), NumberFormatting.fixed(a.meanRank, 1)])
        }
        return table
    }

    func followUpLines() -> [String] {
        evaluation.followUps.map { f in
            var text = bullet + "\(f.areaName) (\(f.adoption.areaID)), adopted from \(f.adoption.from): "
            switch f.verdict {
            case .noDataYet: text += "no data yet"
            case .noBaseline: text += "no baseline before the adoption to compare with"
            case .improving, .worsening, .noClearChange:
                text += "\(f.verdict.label): \(NumberFormatting.fixed(f.meanSince, 1)) a period since, against "
                    + "\(NumberFormatting.fixed(f.baseline, 1)) before (z \(NumberFormatting.signed(f.z)))"
            }
            if let points = f.concernChangePoints {
                text += "; concern \(NumberFormatting.signed(points, 0)) percentage points"
            }
            if !f.adoption.measures.isEmpty { text += "; measures: \(f.adoption.measures.joined(separator: ", "))" }
            if let note = f.adoption.note { text += "; \(note)" }
            return text
        }
    }
}

extension Factor {
    /// A plain-language name.
    var label: String {
        switch self {
        case .crimeTrend: "crime trend"
        case .citizenConcern: "citizen concern"
        case .resources: "resources"
        }
    }
}

extension FollowUp.Verdict {
    /// A plain-language verdict.
    var label: String {
        switch self {
        case .improving: "improving"
        case .worsening: "worsening"
        case .noClearChange: "no clear change"
        case .noDataYet: "no data yet"
        case .noBaseline: "no baseline"
        }
    }
}
