import ArgumentParser
import Fokus
import Foundation

/// `fokus test [RULES]`: run the rule tests beside the rules, like a test runner.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rule tests in RULES/tests/*.yaml and report each as passed or failed.",
        discussion: """
            Exits 0 when every test passes, 1 when any fails or a test file is invalid. \
            --format json and --format junit (JUnit XML, which CI systems read) print machine-readable \
            results to standard output; --coverage adds the rules that fired in no test and the areas no \
            expectation mentions.
            """)

    /// How the results are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @Argument(help: ArgumentHelp("The rule file or folder.", valueName: "rules"))
    var rules: String = "rules"

    @Option(
        name: .customLong("run"), help: ArgumentHelp("Run only the tests whose name matches this regular expression.", valueName: "pattern")
    )
    var runPattern: String?

    @Flag(name: [.customShort("v"), .long], help: "List every test with the time it took.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Output format: text, json or junit.", valueName: "format"))
    var format: Format = .text

    @Flag(name: .long, help: "Also report the rules that fired in no test and the areas no expectation mentions.")
    var coverage = false

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
        if let pattern = runPattern {
            let regex: Regex<AnyRegexOutput>
            do { regex = try Regex(pattern) } catch {
                throw UsageError(message: CommandStrings(language: Terminal.language).notARegex(pattern, error), command: Self.self)
            }
            let all = tests
            tests = tests.filter { $0.name.firstMatch(of: regex) != nil }
            if tests.isEmpty {
                throw UsageError(
                    message: CommandStrings(language: Terminal.language).noTestMatches(pattern, tests: all.map(\.name)),
                    command: Self.self)
            }
        }
        let report = RuleTestRunner(rules: ruleSet).run(tests)
        let coverage = self.coverage ? report.coverage(of: ruleSet) : nil
        switch format {
        case .json: Terminal.write(report.json(coverage: coverage))
        case .junit: Terminal.write(report.junit(output: coverage?.rendered))
        case .text: writeText(report, coverage: coverage)
        }
        if report.failed > 0 { throw ExitCode(1) }
    }

    private func writeText(_ report: RuleTestReport, coverage: RuleTestCoverage?) {
        let strings = CommandStrings(language: Terminal.language)
        for entry in report.entries {
            let test = entry.result.test
            let time = verbose ? "  (\(String(format: "%.3f", entry.seconds)) s)" : ""
            if entry.result.passed {
                Terminal.write("✔ \(test.name)\(time)\n")
                continue
            }
            Terminal.write("✘ \(test.name)  (\(test.location))\(time)\n")
            for failure in entry.result.failures { Terminal.write("    \(failure.rendered(in: strings.language))\n") }
            if let evaluation = entry.result.evaluation {
                Terminal.write(RankingDiff(test: test, evaluation: evaluation, strings: strings).rendered())
            }
        }
        Terminal.write(
            strings.testSummary(passed: report.passed, failed: report.failed)
                + (verbose ? " (\(String(format: "%.3f", report.seconds)) s)" : "") + "\n")
        if let coverage { Terminal.write("Coverage:\n" + coverage.rendered.split(separator: "\n").map { "  \($0)\n" }.joined()) }
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
