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
            var fields: [String] = [
                "\(a.rank)", a.id, a.name, number(a.score), a.selected ? "true" : "false", a.evidence ? "true" : "false",
                number(a.trend?.latest), number(a.trend?.baseline), number(a.trend?.ratio), number(a.trend?.z),
                number(a.trend?.n), number(a.concern?.raw), number(a.concern?.n), number(a.resources?.raw),
                number(a.resources?.n),
            ]
            let stable = evaluation.stability?.areas.first { $0.id == a.id }
            let change = changes?.areas.first { $0.id == a.id }
            fields += [number(stable?.pFirst), number(stable?.pSelected), number(stable?.meanRank)]
            fields += [
                changes == nil ? "" : (change == nil ? "\(a.rank)" : change!.previousRank.map(String.init) ?? ""),
                changes == nil ? "" : (change == nil ? "0" : number(change!.scoreDelta)),
            ]
            fields += a.signals.flatMap { [number($0?.raw), number($0?.n)] }
            lines.append(fields.map(Escaping.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func number(_ value: Double?) -> String { Escaping.csvNumber(value) }
}
