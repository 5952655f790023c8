import ArgumentParser
import Fokus
import FokusLibCrypto
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

    @Option(name: .long, help: ArgumentHelp("Rank-stability samples (0 turns it off; default: the rules' or 2000).", valueName: "n"))
    var samples: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the rank-stability sampling (default: the rules' or 0).", valueName: "n"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("Dirichlet concentration of the sampling (default: the rules' or 50).", valueName: "x"))
    var concentration: Double?

    @OptionGroup var stateOptions: StateOptions

    func validate() throws {
        if let samples, samples < 0 { throw ValidationError("--samples must be 0 or more") }
        if let concentration, !(concentration > 0) { throw ValidationError("--concentration must be above 0") }
        if let period, period != "latest", Period(parsing: period) == nil {
            throw ValidationError("--period \"\(period)\" is not a period: write latest, 2023, 2023-Q4 or 2023-11")
        }
    }

    var periodChoice: PeriodChoice? {
        guard let period else { return nil }
        return Period(parsing: period).map(PeriodChoice.period) ?? .latest
    }

    /// Loads rules and data and evaluates them.
    /// - Throws: ``FokusError`` for invalid rules, rejected data files (unless `--keep-going`) and
    ///   evaluation errors.
    func evaluate() throws -> Evaluation {
        let ruleSet = try RuleSetLoader.load(from: URL(fileURLWithPath: rules))
        let dataset = try DatasetLoader.load(from: URL(fileURLWithPath: data), displayPath: data, sha256: .libCrypto)
        if !dataset.rejected.isEmpty && !keepGoing {
            var diagnostics: [Diagnostic] = []
            for file in dataset.rejected {
                diagnostics.append(.context("rejected data file (nothing from it was used):", at: SourceLocation(file: file.path)))
                diagnostics += file.diagnostics
            }
            diagnostics.append(.context("fix the rows above, or run with --keep-going to evaluate without these files"))
            throw FokusError(diagnostics)
        }
        var sensitivity = ruleSet.sensitivity
        if let samples { sensitivity.samples = samples }
        if let seed { sensitivity.seed = seed }
        if let concentration { sensitivity.concentration = concentration }
        return try Engine(rules: ruleSet).evaluate(
            dataset, scope: scope, period: periodChoice, sensitivity: sensitivity, adoptions: stateOptions.adoptions())
    }
}
