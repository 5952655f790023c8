import ArgumentParser
import Fokus
import FokusLibCrypto
import FokusPipeline
import Foundation

/// Where the rules and the data are, and what to evaluate.
struct EvaluationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The rule file or folder of rule files.", valueName: "file|dir"))
    var rules: String = "rules"

    @Option(name: .long, help: ArgumentHelp("The data folder (read recursively) or one data file.", valueName: "dir"))
    var data: String = "Samples/kungsor"

    @Option(name: .long, help: ArgumentHelp("The scope to evaluate (default: the rules' `scope:`).", valueName: "name"))
    var scope: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The period: latest, a year (2023), a quarter (2023-Q4) or a month (2023-11) (default: the rules' `period:`).",
            valueName: "period"))
    var period: String?

    @Flag(name: .long, help: "Evaluate without rejected data files, listing them as warnings, instead of failing.")
    var keepGoing = false

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Rank-stability samples (0 turns it off; default: the rules' or 2000).", valueName: "n"))
    var samples: Int?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Seed of the rank-stability sampling (default: the rules' or 0).", valueName: "n"))
    var seed: UInt64?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Dirichlet concentration of the sampling (default: the rules' or 50).", valueName: "x"))
    var concentration: Double?

    @OptionGroup var stateOptions: StateOptions

    func validate() throws {
        let strings = CommandStrings(language: Terminal.language)
        if let samples, !(0...SensitivitySettings.maximumSamples).contains(samples) {
            throw ValidationError(strings.samplesRange(samples, maximum: SensitivitySettings.maximumSamples))
        }
        if let concentration, !SensitivitySettings.concentrationRange.contains(concentration) {
            throw ValidationError(strings.concentrationRange(concentration))
        }
        if let period, period != "latest", Period(parsing: period) == nil {
            throw ValidationError(strings.notAPeriodChoice(period))
        }
    }

    var periodChoice: PeriodChoice? {
        guard let period else { return nil }
        return Period(parsing: period).map(PeriodChoice.period) ?? .latest
    }

    /// The evaluation pipeline these options describe.
    var pipeline: EvaluationPipeline {
        var pipeline = EvaluationPipeline(
            rules: URL(fileURLWithPath: rules), data: URL(fileURLWithPath: data), dataDisplayPath: data,
            rejectedFiles: keepGoing ? .warn : .fail)
        pipeline.scope = scope
        pipeline.period = periodChoice
        pipeline.samples = samples
        pipeline.seed = seed
        pipeline.concentration = concentration
        pipeline.sha256 = .libCrypto
        return pipeline
    }

    /// Loads rules and data and evaluates them.
    /// - Throws: ``FokusError`` for invalid rules, rejected data files (unless `--keep-going`) and
    ///   evaluation errors.
    func evaluate() throws -> Evaluation {
        try evaluate(pipeline.loadRules())
    }

    /// Evaluates rules already loaded (by ``pipeline``) over the data.
    func evaluate(_ ruleSet: RuleSet) throws -> Evaluation {
        try pipeline.run(ruleSet, state: stateOptions.isAvailable ? stateOptions.open() : nil).evaluation
    }

    /// Evaluates, in the language of `language`'s `--lang`, else the rules' `lang:`, else Swedish.
    func evaluate(language: LanguageOption) throws -> (evaluation: Evaluation, language: ReportLanguage) {
        try evaluate(pipeline.loadRules(), language: language)
    }

    /// Evaluates rules already loaded (by ``pipeline``), in the language of `language`'s `--lang`, else the rules'
    /// `lang:`, else Swedish.
    func evaluate(_ ruleSet: RuleSet, language: LanguageOption) throws -> (evaluation: Evaluation, language: ReportLanguage) {
        let pipeline = self.pipeline
        let lang = language.choice ?? ruleSet.language ?? .sv
        Terminal.language = lang  // before the data is read, so that its problems are said in that language
        let evaluation = try pipeline.run(ruleSet, state: stateOptions.isAvailable ? stateOptions.open() : nil).evaluation
        return (evaluation, lang)
    }
}
