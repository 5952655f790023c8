/// Mistakes in rule-test files, and tests that cannot run, phrased in each language.
extension DiagnosticText {
    /// What is wrong.
    public enum RuleTestProblem: Sendable, Hashable {
        case placeholder

        /// The message in `language`.
        public func message(in language: ReportLanguage) -> String {
            switch language {
            case .en: english
            case .sv: swedish
            }
        }

        var english: String {
            switch self {
            case .placeholder: ""
            }
        }

        var swedish: String {
            switch self {
            case .placeholder: ""
            }
        }
    }
}
