import ArgumentParser
import Fokus

/// `fokus explain AREA`: why an area scored what it did.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one area's score: factors, weights, contributions, rules and data used.",
        discussion: """
            For each rule that did not fire, shows which part of its condition was false and by how much. \
            The explanation is in Swedish unless --lang en is given.
            """)

    @Argument(help: ArgumentHelp("The area's id, as in the rules (e.g. trafik).", valueName: "area"))
    var area: String

    @OptionGroup var options: EvaluationOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let ruleSet = try options.pipeline.loadRules()
        try UsageError.checkArea(area, in: ruleSet, command: Self.self)
        let (evaluation, lang) = try options.evaluate(ruleSet, language: language)
        guard let text = evaluation.explanation(of: area, language: lang) else {
            throw UsageError(
                message: CommandStrings(language: lang).noSuchArea(area, areas: evaluation.ranking.map(\.id).joined(separator: ", ")),
                command: Self.self)
        }
        Terminal.write(text)
    }
}
