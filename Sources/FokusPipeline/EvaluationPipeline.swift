public import Fokus
public import FokusState
public import Foundation

/// One evaluation run as the CLI, the rule tests and the daemon need it: load the rules and the
/// data with an explicit ``RejectedFilePolicy``, apply the run's overrides, follow up the adopted
/// areas from the state database, and evaluate.
///
/// Each stage throws ``FokusError`` whose diagnostics carry a ``Diagnostic/Code``, so a caller
/// can tell invalid rules (``Diagnostic/Code/rulesInvalid``) from rejected data
/// (``Diagnostic/Code/dataFileRejected``) and from having nothing to evaluate yet
/// (``Diagnostic/Code/noDataYet``) without reading messages.
public struct EvaluationPipeline: Sendable {
    /// The rule file or folder.
    public var rules: URL
    /// The data folder or file.
    public var data: URL
    /// How data paths are shown (`Samples/kungsor/brott.csv`); by default the path as given.
    public var dataDisplayPath: String?
    /// The scope to evaluate; `nil` for the rules' `scope:`.
    public var scope: String?
    /// The period; `nil` for the rules' `period:`.
    public var period: PeriodChoice?
    /// Overrides of the rules' `sensitivity:`.
    public var samples: Int?
    public var seed: UInt64?
    public var concentration: Double?
    /// What to do with rejected data files.
    public var rejectedFiles: RejectedFilePolicy
    /// How data files are hashed: the engine's own SHA-256 unless the program passes a faster one.
    public var sha256: SHA256Function = .builtIn

    /// Creates a pipeline.
    public init(rules: URL, data: URL, dataDisplayPath: String? = nil, rejectedFiles: RejectedFilePolicy) {
        self.rules = rules
        self.data = data
        self.dataDisplayPath = dataDisplayPath
        self.rejectedFiles = rejectedFiles
    }

    /// Loads the rule set.
    /// - Throws: ``FokusError`` coded ``Diagnostic/Code/rulesInvalid``.
    public func loadRules() throws(FokusError) -> RuleSet {
        do {
            return try RuleSetLoader.load(from: rules)
        } catch {
            throw error.coded(.rulesInvalid)
        }
    }

    /// Loads the data, applying the rejected-file policy.
    /// - Parameter excluding: relative paths left out (files still being written).
    /// - Returns: the dataset; its rejected files are listed in ``Dataset/rejected`` (and the engine
    ///   lists them among the evaluation's warnings).
    /// - Throws: ``FokusError`` coded ``Diagnostic/Code/noDataYet`` when the folder does not exist,
    ///   ``Diagnostic/Code/dataFileRejected`` for rejected files under ``RejectedFilePolicy/fail``.
    public func loadData(excluding: Set<String> = []) throws(FokusError) -> Dataset {
        var dataset: Dataset
        do {
            dataset = try DatasetLoader.load(
                from: data, displayPath: dataDisplayPath, excluding: excluding, sha256: sha256)
        } catch {
            throw error.coded(.noDataYet)
        }
        switch rejectedFiles {
        case .fail where !dataset.rejected.isEmpty:
            var diagnostics: [Diagnostic] = []
            for file in dataset.rejected {
                diagnostics.append(
                    .context(DiagnosticText.dataFile(.rejectedFileHeading), at: SourceLocation(file: file.path)))
                diagnostics += file.diagnostics
            }
            diagnostics.append(.context(DiagnosticText.dataFile(.fixRowsOrKeepGoing)))
            throw FokusError(diagnostics).coded(.dataFileRejected)
        case .fail, .warn, .quarantine:
            break
        }
        return dataset
    }

    /// Loads the data for a caller that quarantines rejected files: they are returned apart and
    /// left out of the dataset (so the report does not list them).
    public func loadDataForQuarantine(excluding: Set<String> = []) throws(FokusError) -> (Dataset, [RejectedFile]) {
        var dataset = try loadData(excluding: excluding)
        let rejected = dataset.takeRejected()
        return (dataset, rejected)
    }

    /// The sensitivity settings in force: the rules' with this run's overrides.
    public func sensitivity(for ruleSet: RuleSet) -> SensitivitySettings {
        var sensitivity = ruleSet.sensitivity
        if let samples { sensitivity.samples = samples }
        if let seed { sensitivity.seed = seed }
        if let concentration { sensitivity.concentration = concentration }
        return sensitivity
    }

    /// Evaluates loaded rules and data.
    /// - Throws: ``FokusError`` coded ``Diagnostic/Code/noDataYet`` when the data has no crime rows
    ///   at all, else ``Diagnostic/Code/evaluationFailed``.
    public func evaluate(_ ruleSet: RuleSet, _ dataset: Dataset, adoptions: [Adoption] = []) throws(FokusError)
        -> Evaluation
    {
        do {
            return try Engine(rules: ruleSet).evaluate(
                dataset, scope: scope, period: period, sensitivity: sensitivity(for: ruleSet), adoptions: adoptions)
        } catch {
            throw error.coded(dataset.crime.isEmpty ? .noDataYet : .evaluationFailed)
        }
    }

    /// Loads everything and evaluates: rules, data, adoptions from `state` (when given).
    public func run(state: StateStore? = nil) throws -> PipelineResult {
        try run(loadRules(), state: state)
    }

    /// Evaluates rules already loaded (``loadRules()``) over the data and the adoptions in `state`.
    public func run(_ ruleSet: RuleSet, state: StateStore? = nil) throws -> PipelineResult {
        let dataset = try loadData()
        let adoptions = try state.map(Self.adoptions(in:)) ?? []
        let evaluation = try evaluate(ruleSet, dataset, adoptions: adoptions)
        return PipelineResult(rules: ruleSet, evaluation: evaluation, rejected: dataset.rejected)
    }

    /// The adoptions recorded in the state database, as the engine takes them, oldest first.
    public static func adoptions(in store: StateStore) throws(FokusError) -> [Adoption] {
        let stored: [AdoptedArea]
        do {
            stored = try store.adoptedAreas()
        } catch {
            throw FokusError([
                .error(DiagnosticText.dataFile(.stateUnreadable(adoptions: true, reason: "\(error)")), at: SourceLocation(file: store.path))
            ])
        }
        let ordered = stored.sorted { ($0.fromPeriod, $0.areaID) < ($1.fromPeriod, $1.areaID) }
        return ordered.compactMap { a in
            Period(parsing: a.fromPeriod).map {
                Adoption(areaID: a.areaID, scope: a.scope, from: $0, measures: a.measures, note: a.note)
            }
        }
    }
}

/// What one pipeline run produced.
public struct PipelineResult: Sendable {
    /// The rules used.
    public var rules: RuleSet
    /// The evaluation.
    public var evaluation: Evaluation
    /// The data files left out because they failed validation.
    public var rejected: [RejectedFile]

    /// Creates a result.
    public init(rules: RuleSet, evaluation: Evaluation, rejected: [RejectedFile]) {
        self.rules = rules
        self.evaluation = evaluation
        self.rejected = rejected
    }
}
