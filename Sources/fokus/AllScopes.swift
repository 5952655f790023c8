import ArgumentParser
import Fokus
import FokusLibCrypto
import Foundation

extension Evaluate {
    /// `fokus evaluate --all-scopes`: every scope of the level, the data read once.
    func runAllScopes() throws {
        let strings = CommandStrings(language: Terminal.language)
        if options.scope != nil { throw ValidationError(strings.allScopesWithScope) }
        if compare != nil { throw ValidationError(strings.allScopesWithCompare) }
        guard let reportFormat = ReportFormat(rawValue: format.rawValue), output == nil else {
            throw ValidationError(strings.allScopesFormats)
        }
        let (engine, dataset, sensitivity) = try options.loadForAllScopes()
        let showProgress = isatty(2) != 0
        let progress: (@Sendable (Int, Int) -> Void)? = showProgress ? Self.progressLine : nil
        let evaluations = engine.evaluateAll(
            dataset, level: level, period: options.periodChoice, sensitivity: sensitivity, progress: progress)
        if showProgress { Terminal.printProgress(nil) }
        let report = AllScopesReport(evaluations)
        for piece in report.renderedPieces(as: reportFormat, language: language.language) { Terminal.write(piece) }
        let failures = report.failures
        if !failures.isEmpty {
            var diagnostics: [Diagnostic] = []
            for failure in failures {
                diagnostics.append(.context("\(failure.scope):"))
                diagnostics += failure.error.diagnostics
            }
            throw FokusError(diagnostics)
        }
    }
}

extension Evaluate {
    /// Progress on standard error: every tenth scope and the last.
    @Sendable static func progressLine(done: Int, total: Int) {
        if done == total || done % 10 == 0 { Terminal.printProgress("\(done)/\(total)") }
    }
}

extension EvaluationOptions {
    /// Loads rules and data as ``evaluate()`` does, for every scope at once.
    func loadForAllScopes() throws -> (Engine, Dataset, SensitivitySettings) {
        let pipeline = self.pipeline
        let ruleSet = try pipeline.loadRules()
        let dataset = try pipeline.loadData()
        return (Engine(rules: ruleSet), dataset, pipeline.sensitivity(for: ruleSet))
    }
}

extension Terminal {
    /// Shows progress on one line of standard error (only called when it is a terminal); `nil` clears it.
    static func printProgress(_ text: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (text ?? "")).utf8))
    }
}
