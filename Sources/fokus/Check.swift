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

    func run() throws {
        let ruleSet = try RuleSetLoader.load(from: URL(fileURLWithPath: rules))
        let dataset = try data.map { try DatasetLoader.load(from: URL(fileURLWithPath: $0)) }
        Terminal.printDiagnostics(
            ruleSet.warnings + ruleSet.advice(for: dataset) + ruleSet.planAdvice(for: dataset)
                + (dataset?.rejected ?? []).flatMap(\.diagnostics))
        Terminal.write(
            "\(rules): OK — \(ruleSet.areas.count) areas, \(ruleSet.measures.count) measures, "
                + "\(ruleSet.rules.count) rules in \(ruleSet.files.count) file(s)\n")
    }
}
