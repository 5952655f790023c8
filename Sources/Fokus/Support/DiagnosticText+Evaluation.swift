/// Problems found while evaluating, phrased in each language.
extension DiagnosticText {
    /// What is wrong.
    public enum EvaluationProblem: Sendable, Hashable {
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
