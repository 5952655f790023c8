public import ArgumentParser
import Fokus

/// `fokus evaluate`: rank the areas, select, plan, and print the report.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the focus areas, select the top ones and propose a costed measure plan.",
        discussion: """
            Reads the rules and every data file in the data folder, evaluates one scope and period
            (SPEC section 4) and prints the ranking, the selection and the measure plan.
            --format json prints report.json (schema version 1, see the README).
            """)

    @OptionGroup var options: EvaluationOptions

    @Option(name: .long, help: ArgumentHelp("Output format: text, md, json or csv.", valueName: "format"))
    var format: ReportFormat = .text

    func run() throws {
        let evaluation = try options.evaluate()
        Terminal.write(evaluation.rendered(as: format))
    }
}

extension ReportFormat: ExpressibleByArgument {}
