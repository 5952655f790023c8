/// The ranking as CSV (comma-separated, decimal points, full precision, RFC 4180 quoting).
struct CSVReport {
    let evaluation: Evaluation
    var changes: ChangeSummary?

    static let header = [
        "rank", "id", "name", "score", "selected", "evidence", "trend_latest", "trend_baseline", "trend_ratio", "trend_z", "trend_n",
        "concern_raw", "concern_n", "resources_raw", "resources_n", "p_rank1", "p_selected", "mean_rank",
        "previous_rank", "score_change",
    ]

    func rendered() -> String {
        let signalColumns = evaluation.signals.flatMap { ["\($0.id)_raw", "\($0.id)_n"] }
        var lines = [(CSVReport.header + signalColumns).joined(separator: ",")]
        for a in evaluation.ranking {
            let change = changes?.areas.first { $0.id == a.id }
            var fields = ["\(a.rank)", a.id, a.name] + Self.scoreFields(a)
            fields += Self.stabilityFields(a, evaluation.stability)
            fields += [
                changes == nil ? "" : (change == nil ? "\(a.rank)" : change!.previousRank.map(String.init) ?? ""),
                changes == nil ? "" : (change == nil ? "0" : Escaping.csvNumber(change!.scoreDelta)),
            ]
            fields += Self.signalFields(a)
            lines.append(fields.map(Escaping.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // The columns every CSV of rankings shares (this one and the all-scopes report's).

    /// `score, selected, evidence, trend_latest … resources_n`.
    static func scoreFields(_ a: AreaEvaluation) -> [String] {
        [Escaping.csvNumber(a.score), a.selected ? "true" : "false", a.evidence ? "true" : "false"]
            + [a.trend?.latest, a.trend?.baseline, a.trend?.ratio, a.trend?.z, a.trend?.n].map(Escaping.csvNumber)
            + [a.concern?.raw, a.concern?.n, a.resources?.raw, a.resources?.n].map(Escaping.csvNumber)
    }

    /// `p_rank1, p_selected, mean_rank` (empty without rank stability).
    static func stabilityFields(_ a: AreaEvaluation, _ stability: RankStability?) -> [String] {
        let stable = stability?.areas.first { $0.id == a.id }
        return [stable?.pFirst, stable?.pSelected, stable?.meanRank].map(Escaping.csvNumber)
    }

    /// Each signal's `_raw, _n`.
    static func signalFields(_ a: AreaEvaluation) -> [String] {
        a.signals.flatMap { [Escaping.csvNumber($0?.raw), Escaping.csvNumber($0?.n)] }
    }
}
