/// A message phrased once per language: the cases of a problem enum (``DiagnosticText``'s parts)
/// give their English and Swedish wording, and `message(in:)` picks one.
protocol BilingualText {
    /// The wording in English.
    var english: String { get }
    /// The wording in Swedish (the default language).
    var swedish: String { get }
}

extension BilingualText {
    /// The message in `language`.
    func message(in language: ReportLanguage) -> String {
        switch language {
        case .en: english
        case .sv: swedish
        }
    }
}

extension DataRowReason: BilingualText {}
extension DiagnosticText.DataFileProblem: BilingualText {}
extension DiagnosticText.EvaluationProblem: BilingualText {}
extension DiagnosticText.ExpressionProblem: BilingualText {}
extension DiagnosticText.RuleFileProblem: BilingualText {}
extension DiagnosticText.RuleTestProblem: BilingualText {}
extension DiagnosticText.YAMLProblem: BilingualText {}
