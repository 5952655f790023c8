/// Plain-text lines for the sections every human-readable format shares: what changed, rank
/// stability and follow-up. Markdown and text differ only in headings and bullets.
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
            lines.append(bullet + "\(a.id): " + s.rankChange(from: previous, to: rank, scoreDelta: a.scoreDelta, mostMoved: a.mostMovedFactor))
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

    func followUpLines() -> [String] {
        evaluation.followUps.map { bullet + strings.followUp($0) }
    }
}
