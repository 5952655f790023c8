public import ArgumentParser
import Fokus
import Foundation

/// The language of the human-readable output: `--lang sv|en`, else the rules' `lang:`, else Swedish.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of the output: Swedish (sv) by default or the rules' `lang:`, or English (en). JSON and CSV keep their English keys.",
            valueName: "sv|en"))
    var choice: ReportLanguage?

    /// `--lang`, or Swedish (for commands that read no rules).
    var language: ReportLanguage { choice ?? .sv }

    /// `--lang`, else the `lang:` of the rules at `path` (when they load), else Swedish.
    func language(forRules path: String) -> ReportLanguage {
        if let choice { return choice }
        return (try? RuleSetLoader.load(from: URL(fileURLWithPath: path)))?.language ?? .sv
    }
}

extension ReportLanguage: ExpressibleByArgument {}
