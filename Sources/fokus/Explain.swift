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
        try UsageError.checkArea(area, in: options.loadRules(), command: Self.self)
        let evaluation = try options.evaluate()
        guard let text = evaluation.explanation(of: area, language: language.language) else {
            throw UsageError(message: "no area `\(area)` in the evaluation", command: Self.self)
        }
        Terminal.write(text)
    }
}
