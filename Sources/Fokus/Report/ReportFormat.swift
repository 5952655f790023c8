/// The output formats of an evaluation.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned tables for a terminal.
    case text
    /// Markdown tables.
    case md
    /// `report.json`, schema version 1.
    case json
    /// The ranking as CSV.
    case csv
}

extension Evaluation {
    /// The evaluation rendered in `format`, led by what changed when `changes` is given.
    ///
    /// `language` sets the labels and number formats of the text and Markdown reports (Swedish by
    /// default); the text and Markdown reports serialise ``reportDocument(changes:language:)``, as
    /// the HTML page and the workbook of `FokusReports` do. JSON and CSV keep their English keys and decimal points in every language.
    public func rendered(as format: ReportFormat, changes: ChangeSummary? = nil, language: ReportLanguage = .sv) -> String {
        switch format {
        case .text: TextReport(document: reportDocument(changes: changes, language: language)).rendered()
        case .md: MarkdownReport(document: reportDocument(changes: changes, language: language)).rendered()
        case .json: jsonReport(changes: changes).serialized(indent: 2) + "\n"
        case .csv: CSVReport(evaluation: self, changes: changes).rendered()
        }
    }
}
