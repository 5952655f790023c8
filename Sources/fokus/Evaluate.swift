public import ArgumentParser
import Fokus
import Foundation

/// `fokus evaluate`: rank the areas, select, plan, and print the report.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the focus areas, select the top ones and propose a costed measure plan.",
        discussion: """
            Reads the rules and every data file in the data folder, evaluates one scope and period
            (SPEC section 4) and prints the ranking, the selection and the measure plan.
            The text and Markdown reports are in Swedish unless --lang en is given.
            --format json prints report.json (schema version 1, see the README).
            """)

    @OptionGroup var options: EvaluationOptions

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: ArgumentHelp("Output format: text, md, json or csv.", valueName: "format"))
    var format: ReportFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp("A previous report.json: lead the output with what changed since it.", valueName: "report.json"))
    var compare: String?

    @Flag(
        name: .long,
        help: "Evaluate every scope in the data in one pass (json: an array of reports; csv: a row per scope and area).")
    var allScopes = false

    @Option(
        name: .long,
        help: ArgumentHelp("With --all-scopes: municipality (every scope but counties) or county (every county).", valueName: "level"))
    var level: ScopeLevel = .municipality

    func run() throws {
        if allScopes {
            try runAllScopes()
            return
        }
        let previous = try compare.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FokusError("cannot read the previous report", at: SourceLocation(file: path))
            }
            return try EvaluationSnapshot(reportJSON: data, path: path)
        }
        let evaluation = try options.evaluate()
        let changes = previous.map { ChangeSummary(from: $0, to: EvaluationSnapshot(evaluation)) }
        Terminal.write(evaluation.rendered(as: format, changes: changes, language: language.language))
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension ScopeLevel: ExpressibleByArgument {}
