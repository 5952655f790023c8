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

    func run() throws {
        let ruleSet = try RuleSetLoader.load(from: URL(fileURLWithPath: rules))
        Terminal.printDiagnostics(ruleSet.warnings)
        Terminal.write(
            "\(rules): OK — \(ruleSet.areas.count) areas, \(ruleSet.measures.count) measures, "
                + "\(ruleSet.rules.count) rules in \(ruleSet.files.count) file(s)\n")
    }
}
