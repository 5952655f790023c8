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
    public func rendered(as format: ReportFormat, changes: ChangeSummary? = nil) -> String {
        switch format {
        case .text: TextReport(evaluation: self, changes: changes).rendered()
        case .md: MarkdownReport(evaluation: self, changes: changes).rendered()
        case .json: jsonReport(changes: changes).serialized(indent: 2) + "\n"
        case .csv: CSVReport(evaluation: self, changes: changes).rendered()
        }
    }
}
