import Foundation

/// Runs rule tests: evaluates each test's data with the rules and checks its expectations.
public struct RuleTestRunner: Sendable {
    /// The rules under test.
    public let rules: RuleSet

    /// Creates a runner.
    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// Runs one test. Data that cannot be read or evaluated is a failure, not an error.
    public func run(_ test: RuleTest) -> RuleTestResult {
        let dataset: Dataset
        switch test.data {
        case .records(let records):
            dataset = records
        case .path(let resolved, _):
            do {
                dataset = try DatasetLoader.load(from: URL(fileURLWithPath: resolved))
            } catch {
                return RuleTestResult(test: test, failures: error.diagnostics, evaluation: nil)
            }
        }
        var failures: [Diagnostic] = dataset.rejected.flatMap { file in
            [Diagnostic.error(DiagnosticText.ruleTest(.dataFileRejected(path: file.path)), at: test.location)] + file.diagnostics
        }
        var sensitivity = rules.sensitivity
        sensitivity.samples = 0
        let evaluation: Evaluation
        do {
            evaluation = try Engine(rules: rules).evaluate(
                dataset, scope: test.scope, period: test.period, sensitivity: sensitivity)
        } catch {
            return RuleTestResult(test: test, failures: failures + error.diagnostics, evaluation: nil)
        }
        for expectation in test.expectations {
            if let failure = check(expectation.kind, evaluation) {
                failures.append(.error(DiagnosticText.expectationFailed(failure), at: expectation.location))
            }
        }
        return RuleTestResult(test: test, failures: failures, evaluation: evaluation)
    }

    /// `nil` when the expectation holds, else what differs.
    func check(_ kind: RuleTest.Expectation.Kind, _ e: Evaluation) -> DiagnosticText.ExpectationFailure? {
        switch kind {
        case .top(let ids):
            let actual = e.ranking.prefix(ids.count).map(\.id)
            return actual == ids ? nil : .top(expected: ids, actual: actual)
        case .rank(let id, let rank):
            let actual = e.area(id)?.rank
            return actual == rank ? nil : .rank(id: id, expected: rank, actual: actual)
        case .selected(let ids):
            let actual = e.selected.map(\.id)
            return Set(actual) == Set(ids) ? nil : .selected(expected: ids.sorted(), actual: actual.sorted())
        case .notSelected(let ids):
            let wrong = ids.filter { e.area($0)?.selected == true }
            return wrong.isEmpty ? nil : .notSelected(selected: wrong)
        case .score(let id, let value, let tolerance):
            guard let actual = e.area(id)?.score else { return .noSuchArea(id) }
            return abs(actual - value) <= tolerance ? nil : .score(id: id, expected: value, tolerance: tolerance, actual: actual)
        case .measuresInclude(let ids):
            let missing = ids.filter { !e.plan.measureIDs.contains($0) }
            return missing.isEmpty ? nil : .measuresInclude(missing: missing, plan: e.plan.measureIDs)
        case .warningsInclude(let texts):
            let said =
                e.warnings.flatMap { [$0.description, $0.rendered(in: .sv)] }
                + e.notices.flatMap { [ReportStrings(.sv).notice($0), ReportStrings(.en).notice($0)] }
            let missing = texts.filter { text in !said.contains { $0.contains(text) } }
            return missing.isEmpty ? nil : .warningsInclude(missing: missing)
        }
    }
}
