import Foundation

/// Every scope's evaluation in one document: `report.json` objects in an array, a CSV with a row per
/// scope × area, or a short text table of each scope's selected areas.
public struct AllScopesReport: Sendable {
    /// The scopes' evaluations, in order.
    public internal(set) var evaluations: [ScopeEvaluation]

    /// Creates a report.
    public init(_ evaluations: [ScopeEvaluation]) {
        self.evaluations = evaluations
    }

    /// The scopes that could not be evaluated, with why.
    package var failures: [(scope: String, error: FokusError)] {
        evaluations.compactMap { e in
            if case .failure(let error) = e.result { return (e.scope, error) }
            return nil
        }
    }

    /// The report in `format` (`md` gives the text table in Markdown).
    public func rendered(as format: ReportFormat, language: ReportLanguage = .sv) -> String {
        renderedPieces(as: format, language: language).joined()
    }

    /// ``rendered(as:language:)`` in pieces, to be written one after the other without joining a large
    /// report into one string first.
    package func renderedPieces(as format: ReportFormat, language: ReportLanguage = .sv) -> [String] {
        let done: [(ScopeEvaluation, Evaluation)] = evaluations.compactMap { e in
            if case .success(let evaluation) = e.result { return (e, evaluation) }
            return nil
        }
        switch format {
        case .json:
            return JSONValue.serializedArrayPieces(count: done.count, indent: 2) { done[$0].1.jsonReport() } + ["\n"]
        case .csv:
            return csv(done)
        case .text, .md:
            return [text(done, language: language, markdown: format == .md)]
        }
    }

    static let csvHeader = [
        "scope", "code", "area", "rank", "score", "selected", "evidence", "trend_latest", "trend_baseline",
        "trend_ratio", "trend_z", "trend_n", "concern_raw", "concern_n", "resources_raw", "resources_n",
        "p_rank1", "p_selected", "mean_rank",
    ]

    /// The CSV: each scope's rows are formatted on every core, one piece a scope after the header.
    private func csv(_ done: [(ScopeEvaluation, Evaluation)]) -> [String] {
        let signals = done.first?.1.signals ?? []
        let header = (Self.csvHeader + signals.flatMap { ["\($0.id)_raw", "\($0.id)_n"] }).joined(separator: ",") + "\r\n"
        let rows = ConcurrentSlots<String>(count: done.count)
        DispatchQueue.concurrentPerform(iterations: done.count) { i in
            rows.set(i, Self.csvRows(scope: done[i].0, done[i].1))
        }
        return [header] + rows.all.map { $0! }
    }

    private static func csvRows(scope: ScopeEvaluation, _ e: Evaluation) -> String {
        var out = ""
        for a in e.ranking {
            let fields =
                [e.scope, scope.code ?? "", a.id, String(a.rank)] + CSVReport.scoreFields(a)
                + CSVReport.stabilityFields(a, e.stability) + CSVReport.signalFields(a)
            out += fields.map(Escaping.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    private func text(_ done: [(ScopeEvaluation, Evaluation)], language: ReportLanguage, markdown: Bool) -> String {
        let sv = language == .sv
        let heading = [
            sv ? "Kod" : "Code", sv ? "Kommun eller län" : "Scope", sv ? "Period" : "Period",
            sv ? "Valda fokusområden (poäng)" : "Selected focus areas (score)",
        ]
        var rows: [[String]] = []
        for (scope, e) in done {
            let chosen = e.ranking.filter(\.selected).map { a in
                "\(a.id) (\(NumberFormatting(language: language).fixed(a.score)))"
            }
            rows.append([scope.code ?? "", e.scope, e.period.description, chosen.joined(separator: ", ")])
        }
        if markdown {
            var out = "| " + heading.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: heading.count) + "\n"
            for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
            return out
        }
        var widths = heading.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        var out = line(heading) + "\n"
        for row in rows { out += line(row) + "\n" }
        let failed = evaluations.count - done.count
        if failed > 0 {
            out +=
                sv
                ? "\(failed) område(n) kunde inte bedömas (se standard error).\n"
                : "\(failed) scope(s) could not be evaluated (see standard error).\n"
        }
        return out
    }
}
