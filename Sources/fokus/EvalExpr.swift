import ArgumentParser
import Fokus
import Foundation

/// `fokus eval-expr 'CONDITION' [--area ID]`: try a `when:` condition on the current data before writing the rule.
struct EvalExpr: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-expr",
        abstract: "Evaluate one `when:` condition against the current data, part by part.",
        discussion: """
            The condition sees each area as a rule placed after the existing rules would (`score` is the \
            final score). Shows whether it holds and, for each comparison, the values and how far off a \
            false one is. Without --area, every area in rank order. Exits 0 whether or not the condition \
            holds, 1 when it cannot be parsed. Swedish unless --lang en is given.
            """)

    @Argument(help: ArgumentHelp("The condition, as in a rule's `when:` (quote it for the shell).", valueName: "condition"))
    var condition: String

    @Option(name: .long, help: ArgumentHelp("Only this area (its id in the rules).", valueName: "id"))
    var area: String?

    @OptionGroup var options: EvaluationOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let expression: Fokus.Expression
        do {
            expression = try Fokus.Expression.parse(condition)
        } catch {
            let place = SourceLocation(file: "condition", line: 1, column: error.offset + 1)
            var diagnostic = Diagnostic.error("in the condition: \(error.message)", at: place)
            if let problem = error.problem {
                diagnostic = Diagnostic.error(DiagnosticText.expression(problem, place: .commandLine), at: place)
            }
            Terminal.printError(diagnostic.rendered(in: language.language) { $0 == place.file ? condition : nil })
            throw ExitCode(1)
        }
        let ruleSet = try options.pipeline.loadRules()
        if let area { try UsageError.checkArea(area, in: ruleSet, command: Self.self) }
        let evaluation = try options.evaluate(ruleSet)
        for result in evaluation.conditionResults(expression, area: area) {
            Terminal.write(result.rendered(language: language.language) + "\n")
        }
    }
}
