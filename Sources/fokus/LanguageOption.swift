public import ArgumentParser
import Fokus

/// The language of the human-readable output: `--lang sv|en`.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of the report: Swedish (sv) by default, or English (en). JSON and CSV keep their English keys.",
            valueName: "sv|en"))
    var language: ReportLanguage = .sv
}

extension ReportLanguage: ExpressibleByArgument {}
