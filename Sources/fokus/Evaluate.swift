public import ArgumentParser
import Fokus
import FokusReports
import Foundation

/// `fokus evaluate`: rank the areas, select, plan, and print or write the report.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the focus areas, select the top ones and propose a costed measure plan.",
        discussion: """
            Reads the rules and every data file in the data folder, evaluates one scope and period
            (SPEC section 4) and prints the ranking, the selection and the measure plan.
            The text, Markdown and HTML reports and the workbook are in Swedish unless --lang en is given.
            --format json prints report.json (schema version 1, see the README); --format html writes a
            self-contained page, --format xlsx an Excel workbook (only with --output).
            """)

    @OptionGroup var options: EvaluationOptions

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: ArgumentHelp("Output format: text, md, html, json, csv or xlsx.", valueName: "format"))
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

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

    func validate() throws {
        if format == .xlsx && output == nil {
            throw ValidationError(CommandStrings(language: language.language).xlsxNeedsOutput)
        }
    }

    func run() throws {
        if allScopes {
            try runAllScopes()
            return
        }
        let previous = try compare.map { path in
            try EvaluationSnapshot(reportJSON: SmallFile.read(path, what: "the previous report"), path: path)
        }
        let (evaluation, lang) = try options.evaluate(language: language)
        let changes = previous.map { ChangeSummary(from: $0, to: EvaluationSnapshot(evaluation)) }
        let text: String
        switch format {
        case .text: text = evaluation.rendered(as: .text, changes: changes, language: lang)
        case .md: text = evaluation.rendered(as: .md, changes: changes, language: lang)
        case .json: text = evaluation.rendered(as: .json, changes: changes, language: lang)
        case .csv: text = evaluation.rendered(as: .csv, changes: changes, language: lang)
        case .html: text = evaluation.htmlPage(changes: changes, language: lang)
        case .xlsx:
            try WorkbookReport.write(evaluation.reportDocument(changes: changes, language: lang), to: output ?? "report.xlsx")
            return
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw FokusError(CommandStrings(language: lang).cannotWrite(error.localizedDescription), at: SourceLocation(file: output))
            }
        } else {
            Terminal.write(text)
        }
    }
}

/// What `fokus evaluate --format` accepts: the engine's formats and the published ones.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, md, html, json, csv, xlsx
}

extension ScopeLevel: ExpressibleByArgument {}
