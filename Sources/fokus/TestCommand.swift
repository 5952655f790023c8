import ArgumentParser
import Fokus
import Foundation

/// `fokus test [RULES]`: run the rule tests beside the rules, like a test runner.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rule tests in RULES/tests/*.yaml and report each as passed or failed.",
        discussion: "Exits 0 when every test passes, 1 when any fails or a test file is invalid.")

    @Argument(help: ArgumentHelp("The rule file or folder.", valueName: "rules"))
    var rules: String = "rules"

    @OptionGroup var language: LanguageOption

    func run() throws {
        let ruleSet = try RuleSetLoader.load(from: URL(fileURLWithPath: rules))
        Terminal.language = language.choice ?? ruleSet.language ?? .sv
        let strings = CommandStrings(language: Terminal.language)
        let files = RuleTestLoader.testFiles(forRules: rules)
        guard !files.isEmpty else {
            throw FokusError(strings.noTestFiles(), at: SourceLocation(file: rules))
        }
        var tests: [RuleTest] = []
        var problems: [Diagnostic] = []
        for file in files {
            do { tests += try RuleTestLoader.load(file: file, rules: ruleSet) } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw FokusError(problems) }
        let runner = RuleTestRunner(rules: ruleSet)
        var failed = 0
        for test in tests {
            let result = runner.run(test)
            if result.passed {
                Terminal.write("✔ \(test.name)\n")
                continue
            }
            failed += 1
            Terminal.write("✘ \(test.name)  (\(test.location))\n")
            for failure in result.failures { Terminal.write("    \(failure.rendered(in: strings.language))\n") }
            if let evaluation = result.evaluation {
                Terminal.write(RankingDiff(test: test, evaluation: evaluation, strings: strings).rendered())
            }
        }
        Terminal.write(strings.testSummary(passed: tests.count - failed, failed: failed) + "\n")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// The actual ranking beside what the test expected, for a failed test.
struct RankingDiff {
    let test: RuleTest
    let evaluation: Evaluation
    let strings: CommandStrings

    func rendered() -> String {
        var expectedRank: [String: String] = [:]
        var expectedSelected: [String: Bool] = [:]
        for e in test.expectations {
            switch e.kind {
            case .top(let ids): for (i, id) in ids.enumerated() { expectedRank[id] = "\(i + 1)" }
            case .rank(let id, let rank): expectedRank[id] = "\(rank)"
            case .selected(let ids):
                for a in evaluation.ranking { expectedSelected[a.id] = ids.contains(a.id) }
            case .notSelected(let ids): for id in ids { expectedSelected[id] = false }
            default: break
            }
        }
        var lines = [strings.diffHeader]
        for a in evaluation.ranking {
            let rankMark = expectedRank[a.id].map { $0 == "\(a.rank)" ? $0 : "\($0) ✘" } ?? ""
            let yes = strings.yes, no = strings.no
            let selectedMark = expectedSelected[a.id].map { $0 == a.selected ? ($0 ? yes : no) : ($0 ? "\(yes) ✘" : "\(no) ✘") } ?? ""
            lines.append(
                "    " + pad("\(a.rank)", 4) + "  " + pad(rankMark, 8) + "  " + pad(a.id, 26) + "  "
                    + pad(strings.fixed(a.score, 4), 6) + "  " + pad(a.selected ? yes : no, 8) + "  " + selectedMark)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
