/// A data file that cannot be read, or one of its values, phrased in each language.
extension DiagnosticText {
    /// What is wrong.
    public enum DataFileProblem: Sendable, Hashable {
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
