import ArgumentParser
import Fokus

/// `fokus explain AREA`: why an area scored what it did.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one area's score: factors, weights, contributions, rules and data used.",
        discussion: "The explanation is in Swedish unless --lang en is given.")

    @Argument(help: ArgumentHelp("The area's id, as in the rules (e.g. trafik).", valueName: "area"))
    var area: String

    @OptionGroup var options: EvaluationOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let (evaluation, lang) = try options.evaluate(language: language)
        guard let text = evaluation.explanation(of: area, language: lang) else {
            let ids = evaluation.ranking.map(\.id).joined(separator: ", ")
            throw ValidationError(CommandStrings(language: lang).noSuchArea(area, areas: ids))
        }
        Terminal.write(text)
    }
}
