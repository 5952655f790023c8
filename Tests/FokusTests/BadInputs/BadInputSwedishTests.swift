import Foundation
import Testing

@testable import Fokus

/// Every diagnostic the bad-input corpus gives has a message id, so it is shown in Swedish by default and in English
/// with `--lang en`: a new message without one fails here.
@Suite(.timeLimit(.minutes(2)))
struct BadInputSwedishTests {
    @Test(arguments: BadInput.all)
    func everyDiagnosticHasASwedishPhrasing(_ input: BadInput) throws {
        let diagnostics = try Self.diagnostics(of: input)
        #expect(!diagnostics.isEmpty, "the case gives no diagnostic")
        for diagnostic in diagnostics {
            #expect(diagnostic.text != nil, "no message id: \(diagnostic.description)")
            guard let text = diagnostic.text else { continue }
            let swedish = text.message(in: .sv), english = text.message(in: .en)
            #expect(swedish != english, "the Swedish phrasing is the English one: \(english)")
            // libyaml's problems and contexts are all in the table: none is left in English.
            #expect(
                !swedish.contains("while scanning") && !swedish.contains("while parsing") && !swedish.contains("YAML-fel ("), "\(swedish)")
            #expect(diagnostic.rendered(in: .sv).contains(swedish))
            #expect(diagnostic.rendered(in: .en).contains(english))
        }
    }

    /// Every diagnostic a case gives: the load errors of a rule file, the evaluation errors, or a data file's
    /// rejection and warnings.
    static func diagnostics(of input: BadInput) throws -> [Diagnostic] {
        switch input.outcome {
        case .rules:
            do {
                _ = try RuleSetLoader.load(from: input.url)
                return []
            } catch { return error.diagnostics }
        case .evaluate:
            let rules = try RuleSetLoader.load(from: input.url)
            let data = DatasetLoader.load(
                text: "år;kommun;brottskategori;antal\n2022;Kungsör;Stöld;3\n2023;Kungsör;Stöld;5\n", name: "brott.csv")
            do {
                _ = try Engine(rules: rules).evaluate(data)
                return []
            } catch { return error.diagnostics }
        case .rejected, .skipped, .warning:
            let dataset = try DatasetLoader.load(from: input.url, displayPath: input.shownPath)
            return dataset.rejected.flatMap(\.diagnostics) + dataset.warnings
        }
    }
}
