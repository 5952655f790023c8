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
    /// The evaluation rendered in `format`.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .text: TextReport(evaluation: self).rendered()
        case .md: MarkdownReport(evaluation: self).rendered()
        case .json: jsonReport().serialized(indent: 2) + "\n"
        case .csv: CSVReport(evaluation: self).rendered()
        }
    }
}
