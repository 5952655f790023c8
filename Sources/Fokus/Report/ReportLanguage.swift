/// The language of everything people read: the reports (text, Markdown, HTML, workbook, mail),
/// `fokus explain`, and diagnostics that carry a ``DiagnosticText``.
///
/// Swedish is the default: the reports are read by the municipality's and the police's
/// situation-picture group. `report.json` and the CSV keep their English machine keys in every
/// language; a diagnostic's `description` stays English (``Diagnostic/rendered(in:)`` gives it in
/// a language).
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// Swedish: decimal commas, `56 %`, thousands grouped with a space (`400 000`).
    case sv
    /// English: decimal points, `56%`, amounts ungrouped (`400000`).
    case en
}
