import ArgumentParser
import Fokus
import Foundation

/// `fokus check RULES`: validate a rule set without data.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a rule file or folder: every problem is listed with file:line:column.",
        discussion: "Exits 0 when the rules are valid (warnings may still be printed), 1 otherwise.")

    @Argument(help: ArgumentHelp("The rule file or folder.", valueName: "rules"))
    var rules: String = "rules"

    @Option(
        name: .long,
        help: ArgumentHelp("Also check the rules against a data folder: areas and survey items no file matches.", valueName: "dir"))
    var data: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let ruleSet = try RuleSetLoader.load(from: URL(fileURLWithPath: rules))
        Terminal.language = language.choice ?? ruleSet.language ?? .sv
        let strings = CommandStrings(language: Terminal.language)
        let dataset = try data.map { try DatasetLoader.load(from: URL(fileURLWithPath: $0)) }
        Terminal.printDiagnostics(
            ruleSet.warnings + ruleSet.advice(for: dataset) + ruleSet.planAdvice(for: dataset)
                + (dataset?.rejected ?? []).flatMap(\.diagnostics))
        Terminal.write(
            strings.checkOK(
                rules: rules, areas: ruleSet.areas.count, measures: ruleSet.measures.count, ruleCount: ruleSet.rules.count,
                files: ruleSet.files.count) + "\n")
    }
}
